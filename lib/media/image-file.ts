import 'server-only';
import type { Stats } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { isImagePath } from '@/lib/security/safe-path';

/** Picture formats recognised by the bytes their files open with. */
export type ImageMimeType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/avif' | 'image/gif';

/** What a picture file really is: its format, read from its first bytes, and its size in bytes. */
export type ImageFileInfo = { type: ImageMimeType; length: number };

/** Enough of a file for every signature below, and an AVIF file's compatible brands. */
const HEAD_BYTES = 64;

const text = (bytes: Uint8Array, start: number, end: number) => Buffer.from(bytes.subarray(start, end)).toString('latin1');

/**
 * The format of an image from its first bytes, or undefined for anything else. The bytes decide,
 * not the extension: a PNG saved as `.jpg` is a PNG, and a feed that called it a JPEG would lie.
 */
export function sniffImageType(head: Uint8Array): ImageMimeType | undefined {
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  if (text(head, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (text(head, 0, 4) === 'RIFF' && text(head, 8, 12) === 'WEBP') return 'image/webp';
  if (/^GIF8[79]a$/.test(text(head, 0, 6))) return 'image/gif';
  if (text(head, 4, 8) === 'ftyp' && ftypBrands(head).some((brand) => brand === 'avif' || brand === 'avis')) return 'image/avif';
  return undefined;
}

/**
 * An ISO-BMFF file's brands: its `ftyp` box holds its size, `ftyp`, the major brand, a minor
 * version, then compatible brands to the box's end. AVIF may be named in either place (an image
 * whose major brand is `mif1` with `avif` among the compatible ones is an AVIF).
 */
function ftypBrands(head: Uint8Array): string[] {
  const size = Buffer.from(head.subarray(0, 4)).readUInt32BE(0);
  const end = Math.min(size, head.length);
  const brands = [text(head, 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(text(head, at, at + 4));
  return brands;
}

/**
 * The file under `publicDir` that an image path names, or undefined unless the path is canonical
 * (lib/security/safe-path.ts) and stays inside the folder. The one rule for reading a picture
 * named by content: the renditions (lib/media/render.ts, lib/content/index/picture-rows.ts) and feeds use it.
 */
export function publicImageFile(publicDir: string, src: string): string | undefined {
  if (!isImagePath(src)) return undefined;
  // The public directory is chosen at run time; tell Turbopack not to trace the whole project.
  const root = path.resolve(/*turbopackIgnore: true*/ publicDir);
  const file = path.resolve(/*turbopackIgnore: true*/ root, `.${src}`);
  return file.startsWith(root + path.sep) ? file : undefined;
}

type Cached = { mtimeMs: number; size: number; info: ImageFileInfo | undefined };

/** Files seen, by absolute path; the content names a bounded set, but a bound keeps it so. */
const cache = new Map<string, Cached>();
const CACHE_LIMIT = 10_000;

/**
 * The real type and byte length of a picture under `publicDir` named by `src` (`/images/x.jpg`),
 * or undefined when the path is not canonical, leaves the folder, names no readable file, or the
 * file is not a picture in a known format. A stat per call; the file's first bytes are read once
 * per version of it (path, modification time and size), so a feed built again reads nothing new.
 */
export async function imageFileInfo(publicDir: string, src: string): Promise<ImageFileInfo | undefined> {
  const file = publicImageFile(publicDir, src);
  if (!file) return undefined;
  let stats: Stats;
  try {
    stats = await stat(/*turbopackIgnore: true*/ file);
  } catch {
    return undefined;
  }
  if (!stats.isFile()) return undefined;
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stats.mtimeMs && hit.size === stats.size) return hit.info;
  let head: Uint8Array;
  try {
    head = await readHead(file);
  } catch {
    // Gone or unreadable between the stat and the read: say nothing rather than guess, and keep no entry.
    return undefined;
  }
  const type = sniffImageType(head);
  const info = type ? { type, length: stats.size } : undefined;
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(file, { mtimeMs: stats.mtimeMs, size: stats.size, info });
  return info;
}

async function readHead(file: string): Promise<Uint8Array> {
  const handle = await open(/*turbopackIgnore: true*/ file, 'r');
  try {
    const buffer = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, HEAD_BYTES, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
