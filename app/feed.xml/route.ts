import { storyHtml } from '@/components/feed/FeedStoryHtml';
import { feedResponse } from '@/lib/feeds/feed-response';

export const revalidate = 30;

export function GET() {
  return feedResponse('rss', storyHtml);
}
