import type { Story } from './schema';

/**
 * When the story last changed in public: the latest of publication, its update and its
 * corrections (a correction changes what readers see, so it sets dateModified too).
 */
export function lastModifiedAt(story: Pick<Story, 'publishedAt' | 'updatedAt' | 'corrections'>, newestUpdate?: string): string {
  let latest = story.publishedAt;
  // A live story (ADR 0011) changes with each update too.
  for (const candidate of [story.updatedAt, newestUpdate, ...(story.corrections ?? []).map((c) => c.date)]) {
    if (candidate && Date.parse(candidate) > Date.parse(latest)) latest = candidate;
  }
  return latest;
}
