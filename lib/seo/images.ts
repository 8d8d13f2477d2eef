import type { Story, Image } from '@/lib/content/schema';
import { absoluteUrl } from '@/lib/site';
import { paths } from '@/lib/urls';

/** The aspect ratios Google asks story images in (16:9, 4:3, 1:1), as URL segments. */
export const CROP_RATIOS = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1] } as const;
export type CropRatio = keyof typeof CROP_RATIOS;

/** Crops are never served wider than this: large enough for Google's 1200 px advice, small enough to send. */
export const MAX_CROP_WIDTH = 2000;

export function isCropRatio(value: string): value is CropRatio {
  return Object.hasOwn(CROP_RATIOS, value);
}

/** Image types the crop route reads, by file extension, with the type it answers with. */
export const CROP_TYPES = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' } as const;

/**
 * The largest centred box of `ratio` inside a `width` x `height` image, scaled down to at most
 * MAX_CROP_WIDTH wide. Returns the crop box in source pixels and the output size.
 */
export function cropGeometry(width: number, height: number, ratio: CropRatio) {
  const [rw, rh] = CROP_RATIOS[ratio];
  // Whole multiples of the ratio, so the output is exactly 16:9, 4:3 or 1:1 with no rounding drift.
  const unit = Math.floor(Math.min(width / rw, height / rh));
  if (unit < 1) throw new Error(`image ${width}x${height} is too small to crop to ${ratio}`);
  const box = { width: unit * rw, height: unit * rh };
  const left = Math.floor((width - box.width) / 2);
  const top = Math.floor((height - box.height) / 2);
  const outUnit = Math.min(unit, Math.floor(MAX_CROP_WIDTH / rw));
  return { left, top, ...box, output: { width: outUnit * rw, height: outUnit * rh } };
}

/** Absolute URLs of the three crops of a story image, widest first. */
export function cropUrls(image: Pick<Image, 'src'>): string[] {
  return (Object.keys(CROP_RATIOS) as CropRatio[]).map((ratio) => absoluteUrl(paths.crop(image.src, ratio)));
}

/** Images that describe a story to search engines: its crops, or the generated card when it has no image. */
export function storyImageUrls(story: Pick<Story, 'slug' | 'image'>): string[] {
  return story.image ? cropUrls(story.image) : [absoluteUrl(paths.storyShareImage(story.slug))];
}
