import type { Article } from '@/lib/content/schema';
import { formatDateTime } from '@/lib/format/display-dates';
import { samplesHidden } from '@/lib/site';

/** One line for the preview banner: whether readers can see this story, and if not, why or when. */
export function previewStatus(article: Pick<Article, 'draft' | 'publishedAt' | 'sample'>, now = Date.now()): string {
  if (article.draft) return 'Draft: readers cannot see this story until draft: true is removed.';
  if (Date.parse(article.publishedAt) > now) {
    return `Scheduled: readers will see this story from ${formatDateTime(article.publishedAt)}.`;
  }
  if (article.sample && samplesHidden()) return 'Hidden: sample stories are switched off on this site (HIDE_SAMPLES).';
  return 'Published: this is what readers see.';
}
