import { describe, expect, it } from 'vitest';
import { cropWidth, heightAt, type Ratio } from './crop-box';
import { pictureMarkup } from './picture-markup';
import { KEY_PATTERN, parseRenditionFile, pictureKey, renditionFile, renditionSet, shareWidth } from './rendition-set';
import { artWidths, SHARE_RATIOS, SHARE_WIDTH, SLOTS, WIDTH_LADDER, type SlotName } from './slots';

const SOURCES = [
  { width: 2400, height: 1350 },
  { width: 1000, height: 800 },
  { width: 600, height: 900 },
  { width: 100, height: 60 },
];
const SLOT_NAMES = Object.keys(SLOTS) as SlotName[];
const KEY = '0123456789abcdef';

/** The file names a srcset or src names, after `/media/<key>/`. */
const filesOf = (srcSet: string) =>
  srcSet.split(', ').map((candidate) => {
    const [url, descriptor] = candidate.split(' ');
    expect(url).toMatch(new RegExp(`^/media/${KEY}/[^/]+$`));
    if (descriptor !== undefined) expect(descriptor).toMatch(/^[1-9][0-9]*w$/);
    return url!.slice(`/media/${KEY}/`.length);
  });

describe('renditionSet and pictureMarkup', () => {
  it('make every rendition the markup of every slot names, for pictures of every size and shape', () => {
    for (const source of SOURCES) {
      const made = new Set(renditionSet(source).map(renditionFile));
      for (const slot of SLOT_NAMES) {
        const { sources, img, preloads } = pictureMarkup({ key: KEY, ...source }, slot);
        const named = [...sources, ...preloads, img].flatMap((s) => filesOf(s.srcSet));
        named.push(...filesOf(img.src));
        for (const file of named) expect(made.has(file), `${source.width}x${source.height} ${slot}: ${file}`).toBe(true);
      }
    }
  });

  it('make nothing pages never name, but the share crops', () => {
    for (const source of SOURCES) {
      const named = new Set(
        SLOT_NAMES.flatMap((slot) => {
          const { sources, img } = pictureMarkup({ key: KEY, ...source }, slot);
          return [...sources, img].flatMap((s) => filesOf(s.srcSet));
        }),
      );
      const unnamed = renditionSet(source).filter((r) => !named.has(renditionFile(r)));
      expect(unnamed.every((r) => r.format === 'jpg' && (SHARE_RATIOS as readonly Ratio[]).includes(r.ratio))).toBe(true);
      expect(unnamed).toHaveLength(SHARE_RATIOS.length);
    }
  });

  it('never upscale: no rendition is wider than its crop, and each has its crop’s shape', () => {
    for (const source of SOURCES)
      for (const r of renditionSet(source)) {
        const label = `${source.width}x${source.height} ${renditionFile(r)}`;
        expect(r.width, label).toBeLessThanOrEqual(cropWidth(r.ratio, source));
        expect(r.height, label).toBeLessThanOrEqual(source.height);
        expect(r.height, label).toBe(heightAt(r.ratio, r.width, source));
        expect(Number.isInteger(r.width) && r.width >= 1, label).toBe(true);
      }
  });

  it('cover every shape in AVIF and WebP, and the share crops in JPEG at 1200 px or the crop’s own width', () => {
    const big = renditionSet({ width: 2400, height: 1350 });
    for (const ratio of ['16x9', '4x3', '1x1', '4x5', 'orig'] as const)
      for (const format of ['avif', 'webp'] as const) expect(big.some((r) => r.ratio === ratio && r.format === format)).toBe(true);
    expect(big.filter((r) => r.format === 'jpg').map(renditionFile)).toEqual(['16x9-1200.jpg', '1x1-1200.jpg', '4x3-1200.jpg']);
    expect(
      renditionSet({ width: 1000, height: 800 })
        .filter((r) => r.format === 'jpg')
        .map(renditionFile),
    ).toEqual(['16x9-1000.jpg', '1x1-800.jpg', '4x3-1000.jpg']);
    expect(shareWidth('16x9', { width: 2400, height: 1350 })).toBe(SHARE_WIDTH);
    expect(shareWidth('1x1', { width: 600, height: 900 })).toBe(600);
  });

  it('give a tiny picture its own width only, never more', () => {
    const tiny = renditionSet({ width: 100, height: 60 });
    expect(Math.max(...tiny.map((r) => r.width))).toBe(100);
    expect(tiny.filter((r) => r.ratio === '1x1').map((r) => r.width)).toEqual([60, 60, 60]);
    expect(new Set(tiny.map(renditionFile)).size).toBe(tiny.length);
  });
});

describe('the width ladder', () => {
  it('rises by at most 1.5 each step, so the next rendition up never costs more than 1.5 times the pixels shown', () => {
    for (let i = 1; i < WIDTH_LADDER.length; i++) expect(WIDTH_LADDER[i]! / WIDTH_LADDER[i - 1]!).toBeLessThanOrEqual(1.5);
  });

  it('gives each shape of each slot widths rising by at most 1.5, ending at the crop’s width or past what the densest screen needs', () => {
    for (const source of SOURCES)
      for (const slot of SLOT_NAMES)
        for (const art of SLOTS[slot].art) {
          const crop = cropWidth(art.ratio, source);
          const widths = artWidths(art, crop);
          const label = `${source.width}x${source.height} ${slot} ${art.ratio}: ${widths.join(',')}`;
          expect(widths.length, label).toBeGreaterThan(0);
          for (let i = 1; i < widths.length; i++) {
            expect(widths[i]! > widths[i - 1]!, label).toBe(true);
            expect(widths[i]! / widths[i - 1]!, label).toBeLessThanOrEqual(1.5);
          }
          const widest = widths[widths.length - 1]!;
          expect(widest, label).toBeLessThanOrEqual(crop);
          const needed = Math.min(art.cssWidth[1] * art.maxDpr, WIDTH_LADDER[WIDTH_LADDER.length - 1]!);
          expect(widest === crop || widest >= needed, label).toBe(true);
          // The narrowest is no wider than the slot's narrowest showing needs (or the picture, when smaller).
          expect(widths[0]!, label).toBeLessThanOrEqual(Math.max(art.cssWidth[0], WIDTH_LADDER[0]));
        }
  });
});

describe('pictureKey', () => {
  const source = { width: 2400, height: 1350 };
  const key = pictureKey('a'.repeat(64), { x: 0.5, y: 0.5 }, source);

  it('is 16 hex digits, the same for the same file, focus and set', () => {
    expect(key).toMatch(KEY_PATTERN);
    expect(pictureKey('a'.repeat(64), { x: 0.5, y: 0.5 }, { ...source })).toBe(key);
  });

  it('changes with the file, the focal point and the set of renditions', () => {
    const others = [
      pictureKey('b'.repeat(64), { x: 0.5, y: 0.5 }, source),
      pictureKey('a'.repeat(64), { x: 0.5, y: 0.4 }, source),
      pictureKey('a'.repeat(64), { x: 0.4, y: 0.5 }, source),
      // Another size is another set of renditions.
      pictureKey('a'.repeat(64), { x: 0.5, y: 0.5 }, { width: 1000, height: 800 }),
    ];
    expect(new Set([key, ...others]).size).toBe(5);
  });

  it('refuses what is not a key', () => {
    for (const junk of ['', '0123456789ABCDEF', '0123456789abcde', '0123456789abcdef0', '../0123456789abc', '0123456789abcdeg'])
      expect(KEY_PATTERN.test(junk), junk).toBe(false);
  });
});

describe('renditionFile and parseRenditionFile', () => {
  it('round-trip every rendition of every size, a sliver a few pixels across included', () => {
    for (const source of [...SOURCES, { width: 3001, height: 7 }, { width: 7, height: 3001 }])
      for (const r of renditionSet(source)) {
        const { ratio, width, format } = r;
        expect(parseRenditionFile(renditionFile(r))).toEqual({ ratio, width, format });
      }
  });

  it('refuse anything else: paths, width 0 or with a leading zero, other formats, other shapes, suffixes', () => {
    for (const junk of [
      '../x',
      '16x9-0.avif',
      '16x9-10.gif',
      '16x9-010.avif',
      '16x9-960.avif/',
      '/16x9-960.avif',
      '16x9-960.avif.tmp',
      '16x9-960.AVIF',
      '3x2-960.avif',
      '16x9-960',
      '16x9-123456.avif',
      '16x9-+960.avif',
      '16x9--960.avif',
      'done',
      '',
      '16x9-960.avif\n',
      '..%2F16x9-960.avif',
    ])
      expect(parseRenditionFile(junk), JSON.stringify(junk)).toBeUndefined();
  });
});
