import 'server-only';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ImageResponse } from 'next/og';
import { site } from '@/lib/site';

/** Open Graph's recommended size; what every share card is. */
export const SHARE_IMAGE_SIZE = { width: 1200, height: 630 } as const;

const INK = '#121212';
const PAPER = '#ffffff';
const SURFACE = '#f3f1ec';
const ACCENT = '#b3261e';
const MUTED = '#4a4a4a';
// Each subset is its own family; satori falls back along the list glyph by glyph.
const SERIF = '"Source Serif 4", "Source Serif 4 Ext"';
const SANS = '"Inter", "Inter Ext"';

type FontData = { name: string; data: Buffer; weight: 600 | 700; style: 'normal' };

let fonts: Promise<FontData[]> | undefined;

/**
 * The card's fonts, read once from app/fonts (WOFF: next/og cannot read WOFF2). Latin and
 * Latin Extended subsets of the site's own faces, so names with accents render; nothing is
 * fetched at build or run time.
 */
function loadFonts(): Promise<FontData[]> {
  const dir = path.join(/*turbopackIgnore: true*/ process.cwd(), 'app', 'fonts');
  const read = async (file: string, name: string, weight: 600 | 700): Promise<FontData> => ({
    name,
    data: await readFile(path.join(dir, file)),
    weight,
    style: 'normal',
  });
  fonts ??= Promise.all([
    read('source-serif-4-latin-700-normal.woff', 'Source Serif 4', 700),
    read('source-serif-4-latin-ext-700-normal.woff', 'Source Serif 4 Ext', 700),
    read('inter-latin-600-normal.woff', 'Inter', 600),
    read('inter-latin-ext-600-normal.woff', 'Inter Ext', 600),
  ]);
  return fonts;
}

/**
 * Code points the bundled Latin and Latin Extended subsets draw (checked glyph by glyph in
 * share-image.test.ts). next/og would try to download a font from the network for anything else,
 * so other characters (emoji, other scripts, invisible controls) are left off the card.
 */
export const CARD_CHARACTERS: readonly [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x1c3],
  [0x1c5, 0x24f],
  [0x1e00, 0x1e9b],
  [0x1e9d, 0x1e9f],
  [0x1ef2, 0x1eff],
  [0x2013, 0x2014],
  [0x2018, 0x201a],
  [0x201c, 0x201e],
  [0x2020, 0x2020],
  [0x2022, 0x2022],
  [0x2026, 0x2026],
  [0x2032, 0x2033],
  [0x2039, 0x203a],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2212, 0x2212],
];

/** Look-alikes the fonts lack, drawn with the ones they have. */
const SUBSTITUTES: Record<string, string> = { '\u2010': '-', '\u2011': '-', '\u2012': '–', '\u2015': '—', '\u201b': '‘', '\u201f': '“' };

/** The text with characters the card's fonts cannot draw removed, and spaces tidied. */
export function drawableText(text: string): string {
  let out = '';
  for (const original of text.normalize('NFC')) {
    const ch = SUBSTITUTES[original] ?? original;
    const cp = ch.codePointAt(0)!;
    if (/\s/.test(ch)) out += ' ';
    else if (CARD_CHARACTERS.some(([from, to]) => cp >= from && cp <= to)) out += ch;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}

/** Shortens text at a word boundary with an ellipsis, so a long headline cannot overflow the card. */
export function clampText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Headline size by length: big for short headlines, smaller so long ones still fit in four lines. */
export function headlineSize(text: string): number {
  if (text.length <= 50) return 80;
  if (text.length <= 80) return 70;
  if (text.length <= 110) return 62;
  return 54;
}

export type ShareCard = {
  /** Small capitals above the headline: the section, or a tagline for the site card. */
  kicker: string;
  headline: string;
  /** A line under the headline (the site's description on its own card). */
  standfirst?: string;
  /** Shown at the bottom right, e.g. the publication date. */
  note?: string;
};

/** A 1200x630 PNG: kicker, headline and the publication's name and mark. */
export async function shareImage({ kicker, headline, standfirst, note }: ShareCard): Promise<ImageResponse> {
  const title = clampText(drawableText(headline), 140);
  return new ImageResponse(
    <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', background: PAPER }}>
      <div style={{ height: 18, background: ACCENT, display: 'flex' }} />
      <div style={{ flex: 1, display: 'flex', flexDirection: 'column', justifyContent: 'center', padding: '0 72px 12px 72px' }}>
        <div
          style={{
            display: 'flex',
            fontFamily: SANS,
            fontWeight: 600,
            fontSize: 30,
            letterSpacing: 2,
            color: ACCENT,
          }}
        >
          {clampText(drawableText(kicker.toUpperCase()), 60)}
        </div>
        <div
          style={{
            display: 'flex',
            marginTop: 22,
            fontFamily: SERIF,
            fontWeight: 700,
            fontSize: headlineSize(title),
            lineHeight: 1.12,
            color: INK,
          }}
        >
          {title}
        </div>
        {standfirst ? (
          <div style={{ display: 'flex', marginTop: 24, fontFamily: SANS, fontWeight: 600, fontSize: 30, lineHeight: 1.35, color: MUTED }}>
            {clampText(drawableText(standfirst), 150)}
          </div>
        ) : null}
      </div>
      <div
        style={{
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'space-between',
          height: 112,
          padding: '0 72px',
          background: SURFACE,
          borderTop: `2px solid #d6d3cc`,
        }}
      >
        <div style={{ display: 'flex', alignItems: 'center' }}>
          <div
            style={{
              display: 'flex',
              alignItems: 'center',
              justifyContent: 'center',
              width: 60,
              height: 60,
              borderRadius: 10,
              background: ACCENT,
              color: PAPER,
              fontFamily: SERIF,
              fontWeight: 700,
              fontSize: 32,
            }}
          >
            NR
          </div>
          <div style={{ display: 'flex', marginLeft: 20, fontFamily: SERIF, fontWeight: 700, fontSize: 38, color: INK }}>{site.name}</div>
        </div>
        {note ? (
          <div style={{ display: 'flex', fontFamily: SANS, fontWeight: 600, fontSize: 26, color: MUTED }}>{drawableText(note)}</div>
        ) : null}
      </div>
    </div>,
    { ...SHARE_IMAGE_SIZE, fonts: await loadFonts() },
  );
}
