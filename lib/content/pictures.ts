import 'server-only';
import type { Focus } from '@/lib/media/crop-box';
import { sql } from './index/database';
import { focusText, parseFocusText } from './index/focus-text';
import { contentDb } from './index/runtime';
import type { Image } from './schema';

/**
 * A picture as pages show it: the story's own description of it (alt text, focus) with what the
 * content index made of its file (lib/content/index/picture-rows.ts): where its renditions are,
 * its size, and its placeholder.
 */
export type Picture = {
  src: string;
  alt: string;
  focus?: Focus;
  key: string;
  width: number;
  height: number;
  color: string;
  preview: string;
};

type Row = Pick<Picture, 'key' | 'width' | 'height' | 'color' | 'preview'>;

/**
 * The picture an image of the content names, or undefined when its renditions have not been made
 * (its file is missing or unreadable: the content check says so, and the page shows no picture).
 */
export async function getPicture(image: Pick<Image, 'src' | 'alt' | 'focus'> | undefined): Promise<Picture | undefined> {
  if (!image) return undefined;
  const db = await contentDb();
  const row = sql(db, 'SELECT key, width, height, color, preview FROM pictures WHERE src = ? AND focus = ?').get(
    image.src,
    focusText(image.focus),
  ) as Row | undefined;
  return row ? { src: image.src, alt: image.alt, ...(image.focus ? { focus: image.focus } : {}), ...row } : undefined;
}

/** Whether renditions are stored under `key`, and of which picture: the media route makes them again when they are missing. */
export async function pictureOfKey(key: string): Promise<{ src: string; focus: Focus } | undefined> {
  const db = await contentDb();
  const row = sql(db, 'SELECT src, focus FROM pictures WHERE key = ? LIMIT 1').get(key) as { src: string; focus: string } | undefined;
  return row ? { src: row.src, focus: parseFocusText(row.focus) } : undefined;
}
