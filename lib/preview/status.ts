import type { Story } from '@/lib/content/schema';
import { formatDateTime } from '@/lib/format/display-dates';
import { samplesHidden } from '@/lib/site';

/** One line for the preview banner: whether readers can see this story, and if not, why or when. */
export function previewStatus(story: Pick<Story, 'draft' | 'publishedAt' | 'sample'>, now = Date.now()): string {
  if (story.draft) return 'Draft: readers cannot see this story until draft: true is removed.';
  if (Date.parse(story.publishedAt) > now) {
    return `Scheduled: readers will see this story from ${formatDateTime(story.publishedAt)}.`;
  }
  if (story.sample && samplesHidden()) return 'Hidden: sample stories are switched off on this site (HIDE_SAMPLES).';
  return 'Published: this is what readers see.';
}
