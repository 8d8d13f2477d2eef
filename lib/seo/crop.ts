import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { publicDir } from '@/lib/content/content-dir';
import { CROP_TYPES, cropGeometry, isCropRatio } from './images';

/**
 * The file under public/ that a crop URL names, or undefined when the segments do not name an
 * image file inside public/ (no `..`, no hidden files, known image extension only).
 */
export function resolvePublicImage(segments: readonly string[]): { file: string; type: string } | undefined {
  if (segments.length === 0 || segments.some((s) => s === '' || s.startsWith('.') || s.includes('\\') || s.includes('\0'))) {
    return undefined;
  }
  const extension = path.extname(segments.at(-1)!).slice(1).toLowerCase();
  if (!Object.hasOwn(CROP_TYPES, extension)) return undefined;
  const root = publicDir();
  const file = path.resolve(root, ...segments);
  if (!file.startsWith(root + path.sep)) return undefined;
  return { file, type: CROP_TYPES[extension as keyof typeof CROP_TYPES] };
}

/** Crops an image under public/ to 16:9, 4:3 or 1:1 around its centre, in its own format. */
export async function cropResponse(ratio: string, segments: readonly string[]): Promise<Response> {
  const target = isCropRatio(ratio) ? resolvePublicImage(segments) : undefined;
  if (!isCropRatio(ratio) || !target) return new Response('Not found', { status: 404 });
  let source: Buffer;
  try {
    source = await readFile(target.file);
  } catch {
    return new Response('Not found', { status: 404 });
  }
  // Orient by EXIF first, so a phone photo is cropped the way it is shown.
  const image = sharp(source, { autoOrient: true });
  const { width, height } = (await image.metadata()).autoOrient;
  if (!width || !height) return new Response('Not found', { status: 404 });
  const box = cropGeometry(width, height, ratio);
  const pipeline = image
    .extract({ left: box.left, top: box.top, width: box.width, height: box.height })
    .resize(box.output.width, box.output.height);
  const body =
    target.type === 'image/png'
      ? await pipeline.png().toBuffer()
      : target.type === 'image/webp'
        ? await pipeline.webp({ quality: 82 }).toBuffer()
        : await pipeline.jpeg({ quality: 82, mozjpeg: true }).toBuffer();
  return new Response(new Uint8Array(body), { headers: { 'Content-Type': target.type } });
}
