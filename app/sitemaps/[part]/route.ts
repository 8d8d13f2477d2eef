import { sitemapPartCount, sitemapPartResponse } from '@/lib/seo/sitemap-responses';
import { paths } from '@/lib/urls';

export const revalidate = 30;
// Parts that appear as the site grows render on first request, then are cached.
export const dynamicParams = true;

export async function generateStaticParams() {
  const count = await sitemapPartCount();
  return Array.from({ length: count }, (_, i) => ({
    part: paths
      .sitemapPart(i + 1)
      .split('/')
      .pop()!,
  }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ part: string }> }) {
  return sitemapPartResponse((await params).part);
}
