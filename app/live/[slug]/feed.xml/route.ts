import { updateHtml } from '@/components/feed/FeedStoryHtml';
import { liveFeedRoute } from '@/lib/feeds/feed-response';

// The live page's own window (ADR 0011).
export const revalidate = 5;
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
}

export const GET = liveFeedRoute('rss', updateHtml);
