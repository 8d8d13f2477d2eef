import { storyHtml } from '@/components/feed/FeedStoryHtml';
import { sectionFeedRoute } from '@/lib/feeds/feed-response';
import { sectionParams } from '@/lib/listings';

export const revalidate = 30;
export const dynamicParams = true;

export const generateStaticParams = sectionParams;

export const GET = sectionFeedRoute('json', storyHtml);
