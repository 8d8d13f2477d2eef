import { newsSitemapResponse } from '@/lib/seo/serve';

export const revalidate = 30;

export function GET() {
  return newsSitemapResponse();
}
