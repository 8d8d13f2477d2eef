import type { Ratio } from './crop-box';

/**
 * Every place a picture is shown (a slot), the crop it takes at each viewport, and how wide it is
 * shown there. One definition feeds three things: the renditions made for each picture
 * (lib/media/rendition-set.ts), the <picture> sources and `sizes` pages write
 * (lib/media/picture-markup.ts), and the size warnings of the content check.
 */

/** One shape of a slot: below its `media`, the next entry applies (the last has none). */
export type SlotArt = {
  /** A media query, widest first; undefined for the last (narrowest) entry. */
  media?: string;
  ratio: Ratio;
  /** The `sizes` attribute: how wide the slot is shown under this media query. */
  sizes: string;
  /** The narrowest and widest the slot is shown under this media query, in CSS pixels. */
  cssWidth: readonly [min: number, max: number];
  /** The densest screen this shape is shown on: phones reach 3 device pixels per CSS pixel. */
  maxDpr: number;
};

export type Slot = { art: readonly SlotArt[] };

const PHONE_DPR = 3;
const DESKTOP_DPR = 2;
const WIDE = '(min-width: 48rem)';

/** The story page's measure (components/StoryBody.tsx); 42rem. */
const MEASURE = 672;

/** A wide figure or a gallery on desktop: as wide as the page (max-w-5xl), from this viewport on (app/globals.css). */
const WIDE_FIGURE = 1024;
const WIDE_FIGURE_FROM = 832;
/** A floated inline figure: under half the measure, beside the text. */
const INLINE_FIGURE = 320;
/** The gap between a gallery's columns on desktop. */
const GALLERY_GAP = 24;

export const SLOTS = {
  /** A story's lead picture, the full measure of the page (components/MainMedia.tsx). */
  'story-lead': {
    art: [
      { media: WIDE, ratio: '16x9', sizes: '48rem', cssWidth: [768, 768], maxDpr: DESKTOP_DPR },
      { ratio: '16x9', sizes: 'calc(100vw - 2rem)', cssWidth: [288, 736], maxDpr: PHONE_DPR },
    ],
  },
  /**
   * The front page's lead, and the first story of page 1 of a section, tag or author front: the
   * picture across the card, at most 48rem wide (the front's lead column, the listing's measure),
   * portrait on phones. Below 48rem the card takes the page's width less its padding (1rem a side,
   * 1.5rem from 40rem).
   */
  'card-lead': {
    art: [
      { media: WIDE, ratio: '16x9', sizes: '(min-width: 51rem) 48rem, calc(100vw - 3rem)', cssWidth: [720, 768], maxDpr: DESKTOP_DPR },
      { ratio: '4x5', sizes: '(min-width: 40rem) calc(100vw - 3rem), calc(100vw - 2rem)', cssWidth: [288, 720], maxDpr: PHONE_DPR },
    ],
  },
  /**
   * A card in a row of the page's full width (components/card-grid, .card-grid in globals.css):
   * top stories, section rows, related stories. From 48rem the picture is on top, across the card:
   * two columns, four from 64rem (1.5rem gaps, 1.5rem page padding, the page 72rem at most).
   * Below 48rem a square thumbnail beside the text.
   */
  'card-standard': {
    art: [
      {
        media: WIDE,
        ratio: '16x9',
        sizes: '(min-width: 72rem) 258px, (min-width: 64rem) calc(25vw - 30px), calc(50vw - 36px)',
        cssWidth: [226, 348],
        maxDpr: DESKTOP_DPR,
      },
      { ratio: '1x1', sizes: '7rem', cssWidth: [112, 112], maxDpr: PHONE_DPR },
    ],
  },
  /** A card in a list, its thumbnail beside the text at a fixed size: listing fronts, search results, "More from". */
  'card-list': {
    art: [
      { media: WIDE, ratio: '4x3', sizes: '10rem', cssWidth: [160, 160], maxDpr: DESKTOP_DPR },
      { ratio: '1x1', sizes: '7rem', cssWidth: [112, 112], maxDpr: PHONE_DPR },
    ],
  },
  /** A <Figure> in a story body, in the picture's own shape. */
  figure: {
    art: [
      { ratio: 'orig', sizes: `(min-width: 46rem) ${MEASURE / 16}rem, calc(100vw - 2rem)`, cssWidth: [288, MEASURE], maxDpr: PHONE_DPR },
    ],
  },
  /**
   * A <Figure size="wide">: wider than the measure on desktop, centred on the article column
   * (48rem) and as wide as the page (64rem) allows, inside the page's 1.5rem gutters; the body's
   * width on phones (app/globals.css, .figure-wide).
   */
  'figure-wide': {
    art: [
      {
        ratio: 'orig',
        sizes: `(min-width: ${WIDE_FIGURE_FROM / 16 + 15}rem) ${WIDE_FIGURE / 16}rem, (min-width: ${WIDE_FIGURE_FROM / 16}rem) calc(100vw - 3rem), (min-width: 46rem) ${MEASURE / 16}rem, calc(100vw - 2rem)`,
        cssWidth: [288, WIDE_FIGURE],
        maxDpr: PHONE_DPR,
      },
    ],
  },
  /** A <Figure size="inline">: floated beside the text on desktop, under half the measure; the body's width on phones (.figure-inline). */
  'figure-inline': {
    art: [
      { ratio: 'orig', sizes: `(min-width: 46rem) ${INLINE_FIGURE / 16}rem, calc(100vw - 2rem)`, cssWidth: [288, 736], maxDpr: PHONE_DPR },
    ],
  },
  /**
   * A picture in a <Gallery>, in its own shape (as the picture editor framed it: body pictures
   * have no focal point to crop around). Desktop: two columns across the wide width; phones: a
   * strip of pictures 80% of the body wide, so the next one shows at the edge (.gallery).
   */
  gallery: {
    art: [
      {
        ratio: 'orig',
        sizes: `(min-width: ${WIDE_FIGURE_FROM / 16 + 15}rem) ${(WIDE_FIGURE - GALLERY_GAP) / 32}rem, (min-width: ${WIDE_FIGURE_FROM / 16}rem) calc(50vw - ${(48 + GALLERY_GAP) / 32}rem), (min-width: 46rem) ${(MEASURE * 0.8) / 16}rem, calc(80vw - 1.6rem)`,
        // Widest in the phone strip, just under 46rem: 80% of a 44rem body.
        cssWidth: [230, Math.round(0.8 * (736 - 32))],
        maxDpr: PHONE_DPR,
      },
    ],
  },
  /** The first picture of a gallery of an odd number: across both columns on desktop, so no row is left half empty; in the strip on phones. */
  'gallery-lead': {
    art: [
      {
        ratio: 'orig',
        sizes: `(min-width: ${WIDE_FIGURE_FROM / 16 + 15}rem) ${WIDE_FIGURE / 16}rem, (min-width: ${WIDE_FIGURE_FROM / 16}rem) calc(100vw - 3rem), (min-width: 46rem) ${(MEASURE * 0.8) / 16}rem, calc(80vw - 1.6rem)`,
        cssWidth: [230, WIDE_FIGURE],
        maxDpr: PHONE_DPR,
      },
    ],
  },
} as const satisfies Record<string, Slot>;

export type SlotName = keyof typeof SLOTS;

/** Widths renditions are made at: each step at most 1.5 times the last, so a browser choosing the next one up never fetches more than 1.5 times the pixels it shows. */
export const WIDTH_LADDER = [160, 240, 320, 480, 640, 800, 960, 1200, 1536, 1920] as const;

/** The widths one shape of a slot needs: from what its narrowest showing needs to its widest on the densest screen. */
export function artWidths(art: SlotArt, sourceWidth: number): number[] {
  const [min, max] = art.cssWidth;
  const low: number = [...WIDTH_LADDER].reverse().find((w) => w <= min) ?? WIDTH_LADDER[0];
  const high: number = WIDTH_LADDER.find((w) => w >= max * art.maxDpr) ?? WIDTH_LADDER[WIDTH_LADDER.length - 1]!;
  const widths: number[] = WIDTH_LADDER.filter((w) => w >= low && w <= high && w < sourceWidth);
  // The picture's own width closes the ladder when the slot could use more: never upscaled, never short of what exists.
  if (high >= sourceWidth) widths.push(sourceWidth);
  return widths;
}

/** The crops search engines and social cards get (Google asks for 16:9, 4:3 and 1:1, at least 1200 px wide where possible), as JPEG. */
export const SHARE_RATIOS = ['16x9', '4x3', '1x1'] as const satisfies readonly Ratio[];
export const SHARE_WIDTH = 1200;

/**
 * The widest a picture is ever shown, in CSS pixels, and the screens it must stay sharp on: a
 * story's lead picture takes 48rem, a <Figure> 42rem, on screens of up to 2 device pixels per CSS
 * pixel. The content check warns below these.
 */
export const LEAD_SLOT_CSS_PX = 768;
export const FIGURE_SLOT_CSS_PX = MEASURE;
export const SHARP_DPR = DESKTOP_DPR;

/** The fewest pixels across a picture needs for its largest slot. */
export function pixelsNeeded(slotCssPx: number): number {
  return slotCssPx * SHARP_DPR;
}
