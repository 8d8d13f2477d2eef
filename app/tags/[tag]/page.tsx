import { tagListing, tagParams } from '@/lib/listings';
import { listingRoute } from '@/components/ListingPage';

export const revalidate = 30;
export const dynamicParams = true;

export const generateStaticParams = tagParams;

const route = listingRoute(({ tag }: { tag: string }) => tagListing(tag));
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
