import { liveRoute } from '@/components/LivePage';
import { parsePageSegment } from '@/lib/pagination';

// As /live/<slug> (ADR 0011): the short window of live coverage.
export const revalidate = 5;
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
}

const route = liveRoute(({ page }: { slug: string; page: string }) => parsePageSegment(page));
export const generateMetadata = route.generateMetadata;
export default route.LivePage;
