import { sectionListing, sectionParams } from '@/lib/listings';
import { listingRoute } from '@/components/ListingPage';

export const revalidate = 30;
export const dynamicParams = true;

export const generateStaticParams = sectionParams;

const route = listingRoute(({ section }: { section: string }) => sectionListing(section));
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
