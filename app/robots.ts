import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/site';

export const revalidate = 30;

/** Everything may be crawled; both sitemaps are named. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/' },
    sitemap: [absoluteUrl('/sitemap.xml'), absoluteUrl('/news-sitemap.xml')],
  };
}
