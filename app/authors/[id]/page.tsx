import { authorListing, authorParams } from '@/lib/listings';
import { listingRoute } from '@/components/ListingPage';

export const revalidate = 30;
export const dynamicParams = true;

export const generateStaticParams = authorParams;

const route = listingRoute(({ id }: { id: string }) => authorListing(id));
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
