import { tagListing } from '@/lib/listings';
import { laterPage, listingRoute } from '@/components/ListingPage';

export const revalidate = 30;
export const dynamicParams = true;

// Later pages render on first request and are cached like the rest (ISR).
export function generateStaticParams() {
  return [];
}

const route = listingRoute(({ tag, page }: { tag: string; page: string }) => laterPage(page, (n) => tagListing(tag, n)));
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
