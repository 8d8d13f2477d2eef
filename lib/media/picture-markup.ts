import { cropWidth, heightAt } from './crop-box';
import { FORMATS, renditionFile, type Format } from './rendition-set';
import { artWidths, SLOTS, type SlotArt, type SlotName } from './slots';
import { paths } from '@/lib/urls';

/** What a page needs of a picture to write its <picture>: where its renditions are and its size. */
export type PictureAddress = { key: string; width: number; height: number };

export type PictureSource = { media?: string; type: string; srcSet: string; sizes: string; width: number; height: number };

export type PictureMarkup = {
  /** <source> elements in order: per shape, widest viewport first, AVIF then WebP. */
  sources: PictureSource[];
  /** The <img>: the narrowest viewport's shape in WebP, for browsers that take no <source>. */
  img: { src: string; srcSet: string; sizes: string; width: number; height: number };
  /** One preload per shape (AVIF, which every browser that preloads by media reads), each with its own media. */
  preloads: { media?: string; srcSet: string; sizes: string; type: string }[];
};

/** A width-described srcset of one shape of a slot in one format. */
function srcSetOf(picture: PictureAddress, art: SlotArt, format: Format, widths: readonly number[]): string {
  return widths.map((w) => `${paths.rendition(picture.key, renditionFile({ ratio: art.ratio, width: w, format }))} ${w}w`).join(', ');
}

/**
 * `(min-width: 48rem)` as its opposite, `(width < 48rem)`: a preload for a narrower shape must not
 * match where a wider one applies, or a phone would fetch the desktop crop too (and the reverse).
 */
function below(media: string): string {
  return media.replace(/^\(min-width:\s*/, '(width < ');
}

/**
 * The sources, <img> and preloads of a picture in a slot. The renditions named are exactly those
 * lib/media/rendition-set.ts makes for a picture of this size.
 */
export function pictureMarkup(picture: PictureAddress, slot: SlotName): PictureMarkup {
  const arts: readonly SlotArt[] = SLOTS[slot].art;
  const sources: PictureSource[] = [];
  const preloads: PictureMarkup['preloads'] = [];
  let img: PictureMarkup['img'] | undefined;
  arts.forEach((art, i) => {
    const crop = { width: picture.width, height: picture.height };
    const widths = artWidths(art, cropWidth(art.ratio, crop));
    const widest = widths[widths.length - 1]!;
    const size = { width: widest, height: heightAt(art.ratio, widest, crop) };
    const last = i === arts.length - 1;
    const avif = srcSetOf(picture, art, 'avif', widths);
    sources.push({ media: art.media, type: FORMATS.avif, srcSet: avif, sizes: art.sizes, ...size });
    const webp = srcSetOf(picture, art, 'webp', widths);
    if (last) {
      const middle = widths.find((w) => w >= 640) ?? widest;
      img = {
        src: paths.rendition(picture.key, renditionFile({ ratio: art.ratio, width: middle, format: 'webp' })),
        srcSet: webp,
        sizes: art.sizes,
        ...size,
      };
    } else sources.push({ media: art.media, type: FORMATS.webp, srcSet: webp, sizes: art.sizes, ...size });
    const media = [art.media, ...arts.slice(0, i).map((a) => (a.media ? below(a.media) : undefined))].filter(Boolean).join(' and ');
    preloads.push({ ...(media ? { media } : {}), srcSet: avif, sizes: art.sizes, type: FORMATS.avif });
  });
  return { sources, img: img!, preloads };
}
