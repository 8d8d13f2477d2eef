import { authorListing } from '@/lib/listings';
import { laterPage, listingRoute } from '@/components/ListingPage';

export const revalidate = 30;
export const dynamicParams = true;

// Later pages render on first request and are cached like the rest (ISR).
export function generateStaticParams() {
  return [];
}

const route = listingRoute(({ id, page }: { id: string; page: string }) => laterPage(page, (n) => authorListing(id, n)));
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
