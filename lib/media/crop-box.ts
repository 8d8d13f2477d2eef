/**
 * Crops of a picture around its focal point. Pure geometry, shared by the renditions made on disk
 * (lib/media/render.ts) and the sizes pages and structured data state for them.
 */

/** The shapes a slot can ask for; `orig` keeps the picture's own shape (figures, galleries). */
export const RATIOS = { '16x9': [16, 9], '4x3': [4, 3], '1x1': [1, 1], '4x5': [4, 5], orig: [0, 0] } as const;
export type Ratio = keyof typeof RATIOS;

export function isRatio(value: string): value is Ratio {
  return Object.hasOwn(RATIOS, value);
}

/** Where the picture's subject is, as fractions of its width and height from the top left. */
export type Focus = { x: number; y: number };
export const CENTRE: Focus = { x: 0.5, y: 0.5 };

export type Box = { left: number; top: number; width: number; height: number };

/** Width over height of `ratio` for a `width` x `height` picture. */
export function aspectOf(ratio: Ratio, width: number, height: number): number {
  const [rw, rh] = RATIOS[ratio];
  return ratio === 'orig' ? width / height : rw / rh;
}

/**
 * The largest box of `ratio` inside a `width` x `height` picture, centred on the focal point as
 * far as the edges allow: a subject near an edge stays in frame, the box slides rather than
 * shrinks (a crop never zooms in, so every crop of one picture shows the same scene).
 */
export function focusCrop(width: number, height: number, ratio: Ratio, focus: Focus = CENTRE): Box {
  if (ratio === 'orig') return { left: 0, top: 0, width, height };
  const aspect = aspectOf(ratio, width, height);
  const boxWidth = Math.min(width, Math.round(height * aspect));
  const boxHeight = Math.min(height, Math.round(boxWidth / aspect));
  const place = (size: number, box: number, at: number) => Math.min(size - box, Math.max(0, Math.round(at * size - box / 2)));
  return { left: place(width, boxWidth, focus.x), top: place(height, boxHeight, focus.y), width: boxWidth, height: boxHeight };
}

/** The height of a rendition `width` pixels wide of a crop of `ratio` (the picture's size for `orig`). */
export function heightAt(ratio: Ratio, width: number, source: { width: number; height: number }): number {
  return Math.max(1, Math.round(width / aspectOf(ratio, source.width, source.height)));
}

/** The width of the widest crop of `ratio` a picture has: the most any rendition of it can be. */
export function cropWidth(ratio: Ratio, source: { width: number; height: number }): number {
  return focusCrop(source.width, source.height, ratio).width;
}
