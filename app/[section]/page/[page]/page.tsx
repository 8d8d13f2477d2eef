import { sectionListing } from '@/lib/listings';
import { laterPage, listingRoute } from '@/components/ListingPage';

export const revalidate = 30;
export const dynamicParams = true;

// Later pages render on first request and are cached like the rest (ISR).
export function generateStaticParams() {
  return [];
}

const route = listingRoute(({ section, page }: { section: string; page: string }) => laterPage(page, (n) => sectionListing(section, n)));
export const generateMetadata = route.generateMetadata;
export default route.ListingPage;
