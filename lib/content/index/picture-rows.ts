import 'server-only';
import { stat } from 'node:fs/promises';
import { CENTRE, type Focus } from '@/lib/media/crop-box';
import { publicImageFile } from '@/lib/media/image-file';
import { keyOf, makeRenditions, renditionPath, type PictureFacts } from '@/lib/media/render';
import { publicDir } from '../content-dir';
import { sql, type IndexDb } from './database';
import { focusText, parseFocusText } from './focus-text';

/** A picture as stories name it: its path under public/ and where its subject is. */
export type PictureRef = { src: string; focus?: Focus };

/** A row of the pictures table: what the index knows of one picture with one focal point. */
export type PictureRow = PictureFacts & {
  src: string;
  /** The focal point as stored (focus-text.ts). */
  focus: string;
  /** The file's stamp when its renditions were made: a changed file is hashed again. */
  mtime_ms: number;
  size: number;
};

/**
 * Makes the renditions of each picture whose file is new or changed since its row was written, or
 * whose folder is missing (deleted: it is derived, ADR 0016), and returns the rows to write. A
 * picture whose file is missing is skipped: the content check reports it, and pages show the story
 * without it. One at a time: sharp already uses every core for one picture.
 */
export async function picturesToWrite(db: IndexDb, refs: readonly PictureRef[]): Promise<PictureRow[]> {
  const seen = new Set<string>();
  const rows: PictureRow[] = [];
  const known = sql(db, 'SELECT key, mtime_ms, size FROM pictures WHERE src = ? AND focus = ?');
  for (const ref of refs) {
    const focus = focusText(ref.focus);
    if (seen.has(`${ref.src}|${focus}`)) continue;
    seen.add(`${ref.src}|${focus}`);
    const file = publicImageFile(publicDir(), ref.src);
    const stamp = file ? await stat(file).catch(() => undefined) : undefined;
    if (!file || !stamp?.isFile()) continue;
    const row = known.get(ref.src, focus) as Pick<PictureRow, 'key' | 'mtime_ms' | 'size'> | undefined;
    try {
      // The key covers the file's bytes, the focus and the renditions slots need: any change to them makes new ones.
      if (row && row.mtime_ms === stamp.mtimeMs && row.size === stamp.size && renditionPath(row.key, 'done')) {
        if ((await keyOf(file, ref.focus ?? CENTRE)) === row.key) continue;
      }
      const facts = await makeRenditions(file, ref.focus ?? CENTRE);
      rows.push({ src: ref.src, focus, ...facts, mtime_ms: stamp.mtimeMs, size: stamp.size });
    } catch (error) {
      // A file sharp cannot read: the content check reports it; the story shows without it.
      console.warn(`[media] ${ref.src}: no renditions: ${(error as Error).message}`);
    }
  }
  return rows;
}

export function writePictures(db: IndexDb, rows: readonly PictureRow[]) {
  const insert = sql(
    db,
    `INSERT OR REPLACE INTO pictures (src, focus, key, width, height, color, preview, mtime_ms, size)
     VALUES (@src, @focus, @key, @width, @height, @color, @preview, @mtime_ms, @size)`,
  );
  for (const row of rows) insert.run(row);
}

/** Every picture the index knows, to check at start that its renditions are still on disk and its file unchanged. */
export function allPictureRefs(db: IndexDb): PictureRef[] {
  return (sql(db, 'SELECT src, focus FROM pictures').all() as { src: string; focus: string }[]).map(({ src, focus }) => ({
    src,
    focus: parseFocusText(focus),
  }));
}
