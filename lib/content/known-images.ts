import { isImagePath } from '@/lib/security/safe-path';
import { contentDb } from './index/runtime';
import { sql } from './index/database';

/**
 * Whether `src` is the canonical path of an image the content uses: a story's lead image or one
 * of its `<Figure>`s, or an author's picture, as the content index recorded them. The question
 * the image optimiser's gate (proxy.ts) asks, so any other spelling of a path costs no optimised
 * copy and no cache entry.
 */
export async function isKnownImage(src: string): Promise<boolean> {
  if (!isImagePath(src)) return false;
  const db = await contentDb();
  if (sql(db, 'SELECT 1 FROM story_images WHERE src = ? LIMIT 1').get(src)) return true;
  return Boolean(sql(db, "SELECT 1 FROM authors WHERE json_extract(author, '$.avatar.src') = ? LIMIT 1").get(src));
}

/**
 * The images each of these stories shows (its lead image and its `<Figure>`s), by slug, as the
 * content index recorded them, each story's in order of path; a story with none is not in the
 * map. One query for a whole sitemap page (up to 50,000 stories): the slugs go in as one JSON
 * array, read in order and each looked up in the story_images index, so neither the statement
 * nor its cost grows with the archive. Callers pass public stories: this does not filter.
 */
export async function getStoryImages(slugs: readonly string[]): Promise<Map<string, string[]>> {
  const bySlug = new Map<string, string[]>();
  if (slugs.length === 0) return bySlug;
  const db = await contentDb();
  const rows = sql(
    db,
    `SELECT i.slug, i.src FROM json_each(?) j CROSS JOIN story_images i INDEXED BY story_images_of_story ON i.slug = j.value
     ORDER BY j.key, i.src`,
  ).all(JSON.stringify([...new Set(slugs)])) as { slug: string; src: string }[];
  for (const { slug, src } of rows) {
    const list = bySlug.get(slug);
    if (list) list.push(src);
    else bySlug.set(slug, [src]);
  }
  return bySlug;
}
