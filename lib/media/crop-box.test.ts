import { describe, expect, it } from 'vitest';
import { aspectOf, cropWidth, focusCrop, heightAt, isRatio, RATIOS, type Box, type Focus, type Ratio } from './crop-box';

const ALL = Object.keys(RATIOS) as Ratio[];
const SIZES = [
  [2400, 1350],
  [1000, 800],
  [600, 900],
  [100, 60],
  [1350, 2400],
  [1000, 1000],
  [3001, 7],
  [7, 3001],
  [1, 1],
] as const;
const FOCI: Focus[] = [
  { x: 0.5, y: 0.5 },
  { x: 0, y: 0 },
  { x: 1, y: 1 },
  { x: 0.95, y: 0.5 },
  { x: 0.05, y: 0.95 },
  { x: 0.3, y: 0.7 },
];

const inside = (box: Box, width: number, height: number) =>
  box.left >= 0 && box.top >= 0 && box.left + box.width <= width && box.top + box.height <= height && box.width >= 1 && box.height >= 1;

describe('focusCrop', () => {
  it('keeps every crop inside the picture, whole pixels, for every ratio, size and focus', () => {
    for (const [width, height] of SIZES)
      for (const ratio of ALL)
        for (const focus of FOCI) {
          const box = focusCrop(width, height, ratio, focus);
          const label = `${width}x${height} ${ratio} ${focus.x},${focus.y}: ${JSON.stringify(box)}`;
          expect(inside(box, width, height), label).toBe(true);
          expect(Object.values(box).every(Number.isInteger), label).toBe(true);
        }
  });

  it('is the largest box of its ratio: it fills the picture’s width or its height, whatever the focus (a crop never zooms)', () => {
    for (const [width, height] of SIZES)
      for (const ratio of ALL)
        for (const focus of FOCI) {
          const box = focusCrop(width, height, ratio, focus);
          const label = `${width}x${height} ${ratio} ${focus.x},${focus.y}`;
          expect(box.width === width || box.height === height, label).toBe(true);
          // The same size wherever the subject is: only its place changes.
          const centred = focusCrop(width, height, ratio);
          expect([box.width, box.height], label).toEqual([centred.width, centred.height]);
        }
  });

  it('has the ratio asked for, to the pixel, and the height heightAt gives for its width', () => {
    for (const [width, height] of SIZES)
      for (const ratio of ALL) {
        const box = focusCrop(width, height, ratio);
        const aspect = aspectOf(ratio, width, height);
        const label = `${width}x${height} ${ratio}: ${box.width}x${box.height}`;
        // Within a pixel of the exact shape on each side (rounding), and nowhere wider or taller than the picture.
        expect(Math.abs(box.width - box.height * aspect), label).toBeLessThanOrEqual(1);
        expect(Math.abs(box.height - box.width / aspect), label).toBeLessThanOrEqual(1);
        expect(Math.abs(heightAt(ratio, box.width, { width, height }) - box.height), label).toBeLessThanOrEqual(1);
        expect(cropWidth(ratio, { width, height })).toBe(box.width);
      }
  });

  it('gives exact shapes where the picture allows: 2400x1350 in each ratio', () => {
    const crops = Object.fromEntries(ALL.map((r) => [r, focusCrop(2400, 1350, r)]));
    expect(crops).toEqual({
      '16x9': { left: 0, top: 0, width: 2400, height: 1350 },
      '4x3': { left: 300, top: 0, width: 1800, height: 1350 },
      '1x1': { left: 525, top: 0, width: 1350, height: 1350 },
      '4x5': { left: 660, top: 0, width: 1080, height: 1350 },
      orig: { left: 0, top: 0, width: 2400, height: 1350 },
    });
  });

  it('centres the box on the focal point, and slides it to the edge rather than leaving the picture', () => {
    // A square of 1350 in 2400 across: centred on x = 0.3 * 2400 = 720, its left is 720 - 675 = 45.
    expect(focusCrop(2400, 1350, '1x1', { x: 0.3, y: 0.5 })).toEqual({ left: 45, top: 0, width: 1350, height: 1350 });
    // At the corners the box touches them.
    expect(focusCrop(2400, 1350, '4x5', { x: 0, y: 0 })).toEqual({ left: 0, top: 0, width: 1080, height: 1350 });
    expect(focusCrop(2400, 1350, '4x5', { x: 1, y: 1 })).toEqual({ left: 1320, top: 0, width: 1080, height: 1350 });
    // Near the right edge: 0.95 * 2400 = 2280 would centre a 1080 box past the edge; it slides back to touch it.
    expect(focusCrop(2400, 1350, '4x5', { x: 0.95, y: 0.5 })).toEqual({ left: 1320, top: 0, width: 1080, height: 1350 });
    // A portrait cut to 16:9 moves up and down with the subject.
    expect(focusCrop(600, 900, '16x9', { x: 0.5, y: 0 })).toEqual({ left: 0, top: 0, width: 600, height: 338 });
    expect(focusCrop(600, 900, '16x9', { x: 0.5, y: 1 })).toEqual({ left: 0, top: 562, width: 600, height: 338 });
    expect(focusCrop(600, 900, '16x9', { x: 0.5, y: 0.3 })).toEqual({ left: 0, top: 101, width: 600, height: 338 });
  });

  it('keeps the focal point inside the box whenever the box can hold it', () => {
    for (const [width, height] of SIZES)
      for (const ratio of ALL)
        for (const focus of FOCI) {
          const box = focusCrop(width, height, ratio, focus);
          const [fx, fy] = [focus.x * width, focus.y * height];
          expect(fx >= box.left - 0.5 && fx <= box.left + box.width + 0.5, `${width}x${height} ${ratio} x`).toBe(true);
          expect(fy >= box.top - 0.5 && fy <= box.top + box.height + 0.5, `${width}x${height} ${ratio} y`).toBe(true);
        }
  });

  it('keeps the whole picture for orig, whatever the focus', () => {
    expect(focusCrop(600, 900, 'orig', { x: 1, y: 0 })).toEqual({ left: 0, top: 0, width: 600, height: 900 });
    expect(heightAt('orig', 300, { width: 600, height: 900 })).toBe(450);
  });
});

describe('heightAt and isRatio', () => {
  it('gives the height of a rendition at any width, at least one pixel', () => {
    expect(heightAt('16x9', 960, { width: 2400, height: 1350 })).toBe(540);
    expect(heightAt('4x5', 480, { width: 2400, height: 1350 })).toBe(600);
    expect(heightAt('1x1', 160, { width: 10, height: 10 })).toBe(160);
    expect(heightAt('16x9', 1, { width: 100, height: 60 })).toBe(1);
  });

  it('knows the ratios and nothing else', () => {
    expect(ALL.every(isRatio)).toBe(true);
    for (const junk of ['3x2', 'toString', '__proto__', '', '16X9']) expect(isRatio(junk), junk).toBe(false);
  });
});
