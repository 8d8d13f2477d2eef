import { rootSitemapResponse } from '@/lib/seo/sitemap-responses';

// ISR like the pages (docs/architecture/0003-isr-windows.md); Next needs the literal here.
export const revalidate = 30;

export function GET() {
  return rootSitemapResponse();
}
