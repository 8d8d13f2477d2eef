import { isImagePath } from '@/lib/security/safe-path';
import { contentDb } from './index/runtime';
import { sql } from './index/database';

/**
 * Whether `src` is the canonical path of an image the content uses: a story's lead image or one
 * of its `<Figure>`s, or an author's picture, as the content index recorded them. The one
 * question the crop route (lib/seo/crop.ts) and the image optimiser's gate (proxy.ts) ask, so any
 * other spelling of a path costs no crop and no cache entry.
 */
export async function isKnownImage(src: string): Promise<boolean> {
  if (!isImagePath(src)) return false;
  const db = await contentDb();
  if (sql(db, 'SELECT 1 FROM story_images WHERE src = ? LIMIT 1').get(src)) return true;
  return Boolean(sql(db, "SELECT 1 FROM authors WHERE json_extract(author, '$.avatar.src') = ? LIMIT 1").get(src));
}
