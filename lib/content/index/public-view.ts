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
