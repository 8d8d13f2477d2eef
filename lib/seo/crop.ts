import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { publicDir } from '@/lib/content/content-dir';
import { isKnownImage } from '@/lib/content/known-images';
import { publicImageFile } from '@/lib/media/image-file';
import { isImagePath } from '@/lib/security/safe-path';
import { CROP_TYPES, cropGeometry, isCropRatio } from './images';
import { MAX_INPUT_PIXELS } from './input-pixels';

/**
 * The file under public/ that an image path names, or undefined unless the path is canonical
 * (lib/security/safe-path.ts), stays inside public/ and ends in an image type we crop.
 */
export function resolvePublicImage(src: string): { file: string; type: string } | undefined {
  const extension = path.extname(src).slice(1).toLowerCase();
  if (!Object.hasOwn(CROP_TYPES, extension)) return undefined;
  const file = publicImageFile(publicDir(), src);
  return file ? { file, type: CROP_TYPES[extension as keyof typeof CROP_TYPES] } : undefined;
}

/**
 * The image a crop address names, when its segments spell it canonically (`/media/4x3/images/x.jpg`,
 * as paths.crop writes it). Next decodes `%2F` into a segment, and path resolution would tidy
 * `images%2F.%2Fx.jpg` into a real file: each spelling would cost a fresh crop and a cache entry.
 * (Other escapes, `%2D` for `-`, decode to the same cache key: Next keys the decoded path.)
 */
export function cropSource(ratio: string, segments: readonly string[]): string | undefined {
  if (!isCropRatio(ratio) || segments.some((s) => /[/\\]/.test(s))) return undefined;
  const src = `/${segments.join('/')}`;
  return isImagePath(src) ? src : undefined;
}

// Never a cache entry: lib/cache/ stores no 404 for an address it did not hold.
const notFound = () => new Response('Not found', { status: 404, headers: { 'cache-control': 'no-store' } });

/** Crops an image the content uses to 16:9, 4:3 or 1:1 around its centre, in its own format. */
export async function cropResponse(ratio: string, segments: readonly string[]): Promise<Response> {
  const src = cropSource(ratio, segments);
  const target = src && (await isKnownImage(src)) ? resolvePublicImage(src) : undefined;
  if (!target || !isCropRatio(ratio)) return notFound();
  let source: Buffer;
  try {
    source = await readFile(target.file);
  } catch {
    return notFound();
  }
  // Orient by EXIF first, so a phone photo is cropped the way it is shown.
  const image = sharp(source, { autoOrient: true, limitInputPixels: MAX_INPUT_PIXELS });
  let width: number | undefined;
  let height: number | undefined;
  try {
    ({ width, height } = (await image.metadata()).autoOrient);
  } catch {
    return notFound();
  }
  // The header says how large the image is: refuse before decoding a single pixel.
  if (!width || !height || width * height > MAX_INPUT_PIXELS) return notFound();
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
