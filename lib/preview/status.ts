import type { Article } from '@/lib/content/schema';
import { isPublic } from '@/lib/content/visibility';
import { formatDateTime } from '@/lib/format/dates';

/** One line for the preview banner: whether readers can see this story, and if not, why or when. */
export function previewStatus(article: Pick<Article, 'draft' | 'publishedAt' | 'sample'>, now = Date.now()): string {
  if (article.draft) return 'Draft: readers cannot see this story until draft: true is removed.';
  if (Date.parse(article.publishedAt) > now) {
    return `Scheduled: readers will see this story from ${formatDateTime(article.publishedAt)}.`;
  }
  if (!isPublic(article as Article, now)) return 'Hidden: sample stories are switched off on this site.';
  return 'Published: this is what readers see.';
}
