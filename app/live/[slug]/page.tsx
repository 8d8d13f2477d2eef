import { liveRoute } from '@/components/LivePage';

// A live story's short ISR window, in seconds (ADR 0011): a route's revalidate is a literal, so
// live stories have their own route. Pushes revalidate it at once; this bounds a missed one.
export const revalidate = 5;
export const dynamicParams = true;

// Rendered on first request, then cached (ISR).
export function generateStaticParams() {
  return [];
}

const route = liveRoute(() => 1);
export const generateMetadata = route.generateMetadata;
export default route.LivePage;
