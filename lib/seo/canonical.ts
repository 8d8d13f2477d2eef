import type { Article } from '@/lib/content/schema';
import { absoluteUrl } from '@/lib/site';
import { paths } from '@/lib/urls';

/** This site's own address for a story, whatever its canonical is. */
export function articleUrl(article: Pick<Article, 'slug'>): string {
  return absoluteUrl(paths.article(article.slug));
}

/** The story's canonical home: the original for syndicated copy that names one, else our page. */
export function canonicalUrlOf(article: Pick<Article, 'slug' | 'canonicalUrl'>): string {
  return article.canonicalUrl ?? articleUrl(article);
}

/**
 * Whether our page is the canonical one. Sitemaps list only canonical URLs, so syndicated copy
 * whose canonical is elsewhere stays out of them (it is still on the site and in feeds).
 */
export function isCanonicalHere(article: Pick<Article, 'canonicalUrl'>): boolean {
  return !article.canonicalUrl;
}
