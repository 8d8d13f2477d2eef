import 'server-only';
import { samplesHidden } from '@/lib/site';

/**
 * The one definition of what the public may see, as SQL over the `stories` table (alias `s`):
 * listed (not a draft), published by `now`, and not a sample when samples are hidden. Listings,
 * feeds, sitemaps, search, related stories and revalidation all filter through this, and every
 * query that uses it reads an index range (database.ts), never the whole archive.
 */
export function publicWhere(alias = 's'): string {
  return `${alias}.listed = 1 AND ${alias}.published_ms <= @now AND (${alias}.sample = 0 OR @samples = 1)`;
}

/** The parameters `publicWhere` reads. */
export function publicParams(now: number = Date.now()): { now: number; samples: 0 | 1 } {
  return { now, samples: samplesHidden() ? 0 : 1 };
}

/**
 * `stories` (alias `s`) looked up by slug for the public view, slug, section and time only (search
 * matches, related candidates): a few pages of the covering index stories_public_row instead of
 * each story's own row, which holds its whole text: at 100,000 stories a disk page apiece.
 */
export const PUBLIC_ROW = 'stories s INDEXED BY stories_public_row';
