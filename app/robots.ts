import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/site';
import { paths, SITEMAPS } from '@/lib/urls';

export const revalidate = 30;

/** Everything may be crawled; both sitemaps are named. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: paths.front() },
    sitemap: SITEMAPS.map((path) => absoluteUrl(path)),
  };
}
