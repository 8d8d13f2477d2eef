import { newsSitemapResponse } from '@/lib/seo/sitemap-responses';

export const revalidate = 30;

export function GET() {
  return newsSitemapResponse();
}
