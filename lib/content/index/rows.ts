import 'server-only';
import type { Story } from '../schema';
import { sql, type IndexDb } from './database';
import { publicParams, publicWhere } from './public-view';

/** A row of `stories` as SQLite returns it. */
export type StoryRow = {
  slug: string;
  hash: string;
  listed: number;
  sample: number;
  section: string;
  published_ms: number;
  modified_ms: number;
  story: string;
  text: string;
  compiled: string;
};

/** The columns a page needs to show a story (every column but the compiled body). */
export const STORY_COLUMNS = 's.slug, s.story, s.text';

/** What `STORY_COLUMNS` selects. */
export type StoryColumns = Pick<StoryRow, 'slug' | 'story' | 'text'>;

/** The Story a row holds: the front matter as validated, where it came from, and its plain text. */
export function toStory(row: StoryColumns): Story {
  return { ...(JSON.parse(row.story) as Omit<Story, 'text'>), text: row.text };
}

/** These stories as Stories, in the order of `slugs`; slugs without a row are left out. */
export function storiesBySlug(db: IndexDb, slugs: readonly string[]): Story[] {
  if (slugs.length === 0) return [];
  const rows = db
    .prepare(`SELECT ${STORY_COLUMNS} FROM stories s WHERE s.slug IN (${slugs.map(() => '?').join(',')})`)
    .all(...slugs) as StoryColumns[];
  const bySlug = new Map(rows.map((r) => [r.slug, r]));
  return slugs.flatMap((slug) => {
    const row = bySlug.get(slug);
    return row ? [toStory(row)] : [];
  });
}

/**
 * One story's row as a page reads it: its columns, its compiled body, and whether the public may
 * see it at `now` (public-view.ts). The story page and the live pages both start from it.
 */
export function storyRowForPage(db: IndexDb, slug: string, now = Date.now()) {
  return sql(db, `SELECT ${STORY_COLUMNS}, s.compiled, (${publicWhere('s')}) AS visible FROM stories s WHERE s.slug = @slug`).get({
    ...publicParams(now),
    slug,
  }) as (StoryColumns & { compiled: string; visible: number }) | undefined;
}
