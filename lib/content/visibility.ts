import { samplesHidden } from '@/lib/site';
import type { Article } from './schema';

/**
 * Whether the public may see an article now: not a draft, not scheduled for later, and not a
 * sample when samples are hidden. Every list, page, feed and sitemap goes through this.
 */
export function isPublic(article: Article, now: number = Date.now()): boolean {
  if (article.draft) return false;
  if (Date.parse(article.publishedAt) > now) return false;
  if (article.sample && samplesHidden()) return false;
  return true;
}
