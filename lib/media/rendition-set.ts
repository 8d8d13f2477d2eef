import { createHash } from 'node:crypto';
import { cropWidth, heightAt, type Focus, type Ratio } from './crop-box';
import { artWidths, SHARE_RATIOS, SHARE_WIDTH, SLOTS } from './slots';

/** Formats pages offer (AVIF first, WebP for the rest) and the one share cards and feeds of crops get. */
export const FORMATS = { avif: 'image/avif', webp: 'image/webp', jpg: 'image/jpeg' } as const;
export type Format = keyof typeof FORMATS;

export type Rendition = { ratio: Ratio; width: number; height: number; format: Format };

/** Bumped when the encoders' settings change, so every picture gets new files at new addresses. */
const PIPELINE_VERSION = 1;

/** The file name of a rendition inside its picture's folder: `16x9-960.avif`. */
export function renditionFile(r: Pick<Rendition, 'ratio' | 'width' | 'format'>): string {
  return `${r.ratio}-${r.width}.${r.format}`;
}

const FILE_PATTERN = new RegExp(`^(${['16x9', '4x3', '1x1', '4x5', 'orig'].join('|')})-([1-9][0-9]{0,4})\\.(avif|webp|jpg)$`);

/** The rendition a file name names, or undefined when it is not one this code writes. */
export function parseRenditionFile(name: string): Pick<Rendition, 'ratio' | 'width' | 'format'> | undefined {
  const m = FILE_PATTERN.exec(name);
  return m ? { ratio: m[1] as Ratio, width: Number(m[2]), format: m[3] as Format } : undefined;
}

/** The width of a share crop: SHARE_WIDTH, or the crop's own width when it is narrower. */
export function shareWidth(ratio: Ratio, source: { width: number; height: number }): number {
  return Math.min(SHARE_WIDTH, cropWidth(ratio, source));
}

/**
 * Every rendition a picture of this size gets: each slot's shapes at the widths they need, in AVIF
 * and WebP, and the share crops in JPEG. Never wider than the crop itself: no upscaling.
 */
export function renditionSet(source: { width: number; height: number }): Rendition[] {
  const seen = new Map<string, Rendition>();
  const add = (ratio: Ratio, width: number, format: Format) => {
    const w = Math.min(width, cropWidth(ratio, source));
    const r = { ratio, width: w, height: heightAt(ratio, w, source), format };
    seen.set(renditionFile(r), r);
  };
  for (const slot of Object.values(SLOTS))
    for (const art of slot.art)
      for (const width of artWidths(art, cropWidth(art.ratio, source))) {
        add(art.ratio, width, 'avif');
        add(art.ratio, width, 'webp');
      }
  for (const ratio of SHARE_RATIOS) add(ratio, shareWidth(ratio, source), 'jpg');
  return [...seen.values()].sort((a, b) => renditionFile(a).localeCompare(renditionFile(b)));
}

/**
 * The folder name of one picture's renditions, and so part of each address: a hash of the file's
 * bytes, the focal point and the set of renditions. A new file, focus or slot gives new addresses,
 * so every address can be cached for ever (`immutable`).
 */
export function pictureKey(fileHash: string, focus: Focus, source: { width: number; height: number }): string {
  const set = renditionSet(source).map(renditionFile).join(',');
  return createHash('sha256').update(`${PIPELINE_VERSION}\n${fileHash}\n${focus.x},${focus.y}\n${set}`).digest('hex').slice(0, 16);
}

export const KEY_PATTERN = /^[0-9a-f]{16}$/;
