import { describe, expect, it } from 'vitest';
import { aspectOf, cropWidth } from './crop-box';
import { pictureMarkup } from './picture-markup';
import { artWidths, SLOTS, type SlotArt, type SlotName } from './slots';

const SLOT_NAMES = Object.keys(SLOTS) as SlotName[];
const PICTURES = [
  { key: '0123456789abcdef', width: 2400, height: 1350 },
  { key: '0123456789abcdef', width: 1000, height: 800 },
  { key: '0123456789abcdef', width: 600, height: 900 },
  { key: '0123456789abcdef', width: 100, height: 60 },
];
const REM = 16;

/**
 * Whether a media query of the forms slots use matches a viewport `width` CSS pixels wide:
 * `(min-width: Nrem)` and `(width < Nrem)`, joined by `and`. Anything else fails the test.
 */
function matches(media: string | undefined, width: number): boolean {
  if (media === undefined) return true;
  return media.split(' and ').every((part) => {
    const min = /^\(min-width: ([0-9.]+)rem\)$/.exec(part);
    if (min) return width >= Number(min[1]) * REM;
    const below = /^\(width < ([0-9.]+)rem\)$/.exec(part);
    if (below) return width < Number(below[1]) * REM;
    throw new Error(`a media query this test cannot read: ${part}`);
  });
}

/** Viewports every 0.25 CSS pixel from a small phone to a wide desktop (fractional widths exist with zoom). */
const VIEWPORTS = Array.from({ length: (2560 - 240) * 4 + 1 }, (_, i) => 240 + i / 4);

describe('pictureMarkup', () => {
  it('preloads one AVIF per shape, each with a media query where the slot has more than one shape', () => {
    for (const picture of PICTURES)
      for (const slot of SLOT_NAMES) {
        const { preloads } = pictureMarkup(picture, slot);
        const arts = SLOTS[slot].art;
        expect(preloads).toHaveLength(arts.length);
        for (const p of preloads) {
          expect(p.type).toBe('image/avif');
          expect(p.srcSet).toMatch(/\.avif \d+w(, |$)/);
          expect(p.srcSet).not.toMatch(/\.(webp|jpg) /);
          if (arts.length > 1) expect(p.media, slot).toMatch(/\S/);
        }
      }
  });

  it('never lets two shapes’ preloads match one viewport, and always lets one match: a browser fetches one crop', () => {
    for (const slot of SLOT_NAMES) {
      const { preloads } = pictureMarkup(PICTURES[0]!, slot);
      for (const width of VIEWPORTS) {
        const matching = preloads.filter((p) => matches(p.media, width));
        expect(matching.length, `${slot} at ${width}px: ${matching.map((p) => p.media).join(' | ')}`).toBe(1);
      }
    }
  });

  it('preloads, at each viewport, the shape the <picture> shows there', () => {
    for (const slot of SLOT_NAMES) {
      const { sources, img, preloads } = pictureMarkup(PICTURES[0]!, slot);
      for (const width of [320, 767, 767.5, 768, 1024, 1440]) {
        // The browser takes the first <source> whose media matches (AVIF supported), else the <img>.
        const shown = sources.find((s) => s.type === 'image/avif' && matches(s.media, width))?.srcSet ?? img.srcSet;
        const preloaded = preloads.find((p) => matches(p.media, width))!.srcSet;
        expect(preloaded.replace(/\.avif/g, ''), `${slot} at ${width}px`).toBe(shown.replace(/\.(avif|webp)/g, ''));
      }
    }
  });

  it('writes for each shape an AVIF then a WebP <source>, widest viewport first, the last shape’s WebP as the <img>', () => {
    const { sources, img } = pictureMarkup(PICTURES[0]!, 'card-lead');
    expect(sources.map((s) => [s.media, s.type])).toEqual([
      ['(min-width: 48rem)', 'image/avif'],
      ['(min-width: 48rem)', 'image/webp'],
      [undefined, 'image/avif'],
    ]);
    // The widths each shape needs (lib/media/slots.ts), in order, as its srcset.
    const [wide, narrow] = SLOTS['card-lead'].art;
    const widthsOf = (art: SlotArt, ratio: string, format: string) =>
      artWidths(art, cropWidth(art.ratio, PICTURES[0]!))
        .map((w) => `/media/0123456789abcdef/${ratio}-${w}.${format} ${w}w`)
        .join(', ');
    expect(sources[0]!.srcSet).toBe(widthsOf(wide, '16x9', 'avif'));
    expect(sources[2]!.srcSet).toBe(widthsOf(narrow, '4x5', 'avif'));
    expect(img.srcSet).toBe(widthsOf(narrow, '4x5', 'webp'));
    expect(img.src).toMatch(/^\/media\/0123456789abcdef\/4x5-\d+\.webp$/);
    expect(img.sizes).toBe(narrow.sizes);
  });

  it('gives every <source> and the <img> the width and height of its shape, as the widest rendition it names', () => {
    for (const picture of PICTURES)
      for (const slot of SLOT_NAMES) {
        const { sources, img } = pictureMarkup(picture, slot);
        const arts = SLOTS[slot].art;
        for (const s of [...sources, img]) {
          const art = 'media' in s && s.media ? arts.find((a) => 'media' in a && a.media === s.media)! : arts[arts.length - 1]!;
          const aspect = aspectOf(art.ratio, picture.width, picture.height);
          const label = `${picture.width}x${picture.height} ${slot} ${art.ratio}: ${s.width}x${s.height}`;
          // Within one pixel of rounding of the exact shape.
          expect(Math.abs(s.height - s.width / aspect), label).toBeLessThanOrEqual(0.5);
          const widest = Math.max(...s.srcSet.split(', ').map((c) => Number(c.split(' ')[1]!.slice(0, -1))));
          expect(s.width, label).toBe(widest);
          expect(s.width, label).toBeLessThanOrEqual(picture.width);
          expect(s.height, label).toBeLessThanOrEqual(picture.height);
        }
      }
  });

  it('uses the slot’s sizes for every source, so the browser picks the width the slot shows', () => {
    for (const slot of SLOT_NAMES) {
      const { sources, img } = pictureMarkup(PICTURES[0]!, slot);
      const sizes = new Set<string>(SLOTS[slot].art.map((a) => a.sizes));
      for (const s of [...sources, img]) expect(sizes.has(s.sizes)).toBe(true);
    }
  });
});
