import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { MAX_INPUT_PIXELS } from '@/lib/seo/input-pixels';
import { focusCrop, type Focus } from './crop-box';
import { pictureKey, renditionFile, renditionSet, type Rendition } from './rendition-set';

/**
 * Renditions on disk (ADR 0016): every crop and width of a picture, made once when the content
 * index first sees the picture with its focal point, written under mediaDir()/<key>/. Derived from
 * the files alone, so deleting the folder loses nothing: the next index run or start makes it again.
 */

/** Where renditions live: MEDIA_DIR, or .media/ beside the code (outside .next, which a build replaces). */
export function mediaDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.MEDIA_DIR ?? '.media');
}

/** What pages need to know of a picture besides its front matter: where its renditions are and how to hold its place. */
export type PictureFacts = {
  key: string;
  /** The file's own size after EXIF orientation, which the renditions are cut from. */
  width: number;
  height: number;
  /** The picture's dominant colour, `#rrggbb`: the slot's colour until the picture arrives. */
  color: string;
  /** A blurred preview a few hundred bytes long, as a data: URL. */
  preview: string;
};

/** Written last in a picture's folder: its renditions are all there. */
const DONE = 'done';

const encoders: Record<Rendition['format'], (s: Sharp) => Sharp> = {
  // AVIF at effort 2: within a few per cent of the bytes of the default effort at a third of the time.
  avif: (s) => s.avif({ quality: 50, effort: 2 }),
  webp: (s) => s.webp({ quality: 72 }),
  jpg: (s) => s.jpeg({ quality: 80, mozjpeg: true }),
};

/** Reads a picture and its facts, without decoding its pixels beyond the header. */
async function openPicture(file: string) {
  const bytes = await readFile(file);
  const fileHash = createHash('sha256').update(bytes).digest('hex');
  const meta = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  const { width, height } = meta.autoOrient;
  if (!width || !height) throw new Error(`${file}: not a picture sharp can read`);
  return { bytes, fileHash, width, height };
}

/** The key a picture would have, without making anything (the content check, and tests). */
export async function keyOf(file: string, focus: Focus): Promise<string> {
  const { fileHash, width, height } = await openPicture(file);
  return pictureKey(fileHash, focus, { width, height });
}

/**
 * Makes every rendition of the picture in `file` with its focal point, unless they are already on
 * disk, and returns its facts. Each file is written under a temporary name and renamed, and the
 * folder is marked done last: a reader, or another process making the same picture, never sees
 * half a file, and an interrupted run is finished by the next.
 */
export async function makeRenditions(file: string, focus: Focus): Promise<PictureFacts> {
  const { bytes, fileHash, width, height } = await openPicture(file);
  const key = pictureKey(fileHash, focus, { width, height });
  const folder = path.join(mediaDir(), key);
  // A finished folder holds its placeholder too: an index rebuilt over existing renditions decodes no pixels.
  const made = await readDone(folder);
  if (made) return { key, width, height, ...made };
  // One maker per picture in this process: a second caller (two requests for a lost folder, or the
  // start check beside a reconcile) waits for the first instead of writing the same files.
  let pending = making.get(key);
  if (!pending) {
    // EXIF orientation applied once; sharp writes no metadata unless asked, so no crop carries the original's EXIF or GPS.
    const oriented = sharp(bytes, { autoOrient: true, limitInputPixels: MAX_INPUT_PIXELS });
    pending = writeRenditions(oriented, folder, { width, height }, focus).finally(() => making.delete(key));
    making.set(key, pending);
  }
  return { key, width, height, ...(await pending) };
}

type Placeholder = Pick<PictureFacts, 'color' | 'preview'>;

/** The placeholder written in a finished folder's marker, or undefined when the folder is unfinished (or marked by an older version). */
async function readDone(folder: string): Promise<Placeholder | undefined> {
  try {
    const marker: unknown = JSON.parse(await readFile(path.join(folder, DONE), 'utf8'));
    if (typeof marker !== 'object' || marker === null || !('color' in marker) || !('preview' in marker)) return undefined;
    const { color, preview } = marker;
    if (typeof color !== 'string' || !/^#[0-9a-f]{6}$/.test(color)) return undefined;
    if (typeof preview !== 'string' || !preview.startsWith('data:image/webp;base64,')) return undefined;
    return { color, preview };
  } catch {
    return undefined;
  }
}

/** Pictures being made by this process, by key. */
const making = new Map<string, Promise<Placeholder>>();

/** Writes the renditions missing from `folder`, then its done marker, which holds the placeholder. */
async function writeRenditions(
  oriented: Sharp,
  folder: string,
  size: { width: number; height: number },
  focus: Focus,
): Promise<Placeholder> {
  await mkdir(folder, { recursive: true });
  const placeholder = await placeholderOf(oriented.clone());
  const byRatio = new Map<Rendition['ratio'], Rendition[]>();
  for (const r of renditionSet(size)) byRatio.set(r.ratio, [...(byRatio.get(r.ratio) ?? []), r]);
  for (const [ratio, list] of byRatio) {
    const box = focusCrop(size.width, size.height, ratio, focus);
    // Decoded and cropped once per shape, then resized per width.
    const cropped = await oriented.clone().extract(box).raw().toBuffer({ resolveWithObject: true });
    // Encoders are single-threaded for small pictures: one per core.
    const queue = list.filter((r) => !existsSync(path.join(folder, renditionFile(r))));
    const worker = async () => {
      for (let r = queue.shift(); r; r = queue.shift()) {
        const target = path.join(folder, renditionFile(r));
        const resized = sharp(cropped.data, { raw: cropped.info }).resize(r.width, r.height, { fit: 'fill', kernel: 'lanczos3' });
        const out = await encoders[r.format](resized).toBuffer();
        const temporary = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
        await writeFile(temporary, out);
        await rename(temporary, target);
      }
    };
    await Promise.all(Array.from({ length: availableParallelism() }, worker));
  }
  await writeFile(path.join(folder, DONE), `${JSON.stringify({ made: new Date().toISOString(), ...placeholder })}\n`);
  return placeholder;
}

/**
 * The dominant colour, and a preview 16 pixels across, blurred, as WebP: about 200 bytes, small
 * enough to write inline in every card's markup.
 */
async function placeholderOf(image: Sharp): Promise<Placeholder> {
  const { dominant } = await image.clone().stats();
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  const tiny = await image.resize(16, 16, { fit: 'inside' }).blur(0.6).webp({ quality: 40, alphaQuality: 0 }).toBuffer();
  return { color: `#${hex(dominant.r)}${hex(dominant.g)}${hex(dominant.b)}`, preview: `data:image/webp;base64,${tiny.toString('base64')}` };
}

/** A rendition's file on disk, when its picture's folder is complete. */
export function renditionPath(key: string, file: string): string | undefined {
  const folder = path.join(mediaDir(), key);
  return existsSync(path.join(folder, DONE)) ? path.join(folder, file) : undefined;
}

/** Removes a picture's folder (tests; and a half-written folder found at start is simply finished). */
export async function removeRenditions(key: string): Promise<void> {
  await rm(path.join(mediaDir(), key), { recursive: true, force: true });
}
