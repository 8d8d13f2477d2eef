import localFont from 'next/font/local';

/*
 * The site's two families, each split by unicode-range into a Latin file and a Latin Extended one
 * (the ranges and files of @fontsource-variable 5.3, as Google Fonts splits them). A browser
 * fetches a file only when the page has a character in its range, so a name such as "Wałęsa" is
 * set in the same face as the rest of the word instead of in the fallback, at no cost to the
 * pages without one. Italic is fetched only where a page sets italic text.
 *
 * None is preloaded: the stylesheet is inline (ADR 0006, "Inlined CSS"), so the browser finds
 * these rules in the HTML itself, and a preload only took bandwidth from the HTML on a slow link
 * (measured 2026-12-04 in real Chromium, slow 4G: the seed story's LCP 656 ms without against
 * 932 ms with the serif preloaded). 'optional': a file not ready for first paint leaves that view
 * in the metric-matched fallback instead of swapping and shifting the text (CLS 0); it is cached
 * for the next page.
 *
 * next/font/local gives one family per call, so each file is its own call and all of a family's
 * calls name the same `font-family`.
 */
// next/font takes only literals in its calls, so the family names and ranges are written out in
// each: Latin is U+0000-00FF and a few marks and symbols; Latin Extended U+0100-02BA and more.

/**
 * Headlines and body text. Its variable (--font-source-serif) carries the metric-matched fallback;
 * app/globals.css puts the declared family first.
 */
const sourceSerif = localFont({
  src: './source-serif-4-latin-wght-normal.woff2',
  style: 'normal',
  weight: '200 900',
  declarations: [
    { prop: 'font-family', value: "'News Rebeat Serif'" },
    {
      prop: 'unicode-range',
      value:
        'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
    },
  ],
  variable: '--font-source-serif',
  display: 'optional',
  preload: false,
  adjustFontFallback: 'Times New Roman',
  fallback: ['Georgia', 'Times New Roman', 'serif'],
});
const serifExt = localFont({
  src: './source-serif-4-latin-ext-wght-normal.woff2',
  style: 'normal',
  weight: '200 900',
  declarations: [
    { prop: 'font-family', value: "'News Rebeat Serif'" },
    {
      prop: 'unicode-range',
      value:
        'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C4, U+2113, U+2C60-2C7F, U+A720-A7FF',
    },
  ],
  variable: '--font-serif-ext',
  display: 'optional',
  preload: false,
  adjustFontFallback: false,
});
const serifItalic = localFont({
  src: './source-serif-4-latin-wght-italic.woff2',
  style: 'italic',
  weight: '200 900',
  declarations: [
    { prop: 'font-family', value: "'News Rebeat Serif'" },
    {
      prop: 'unicode-range',
      value:
        'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
    },
  ],
  variable: '--font-serif-italic',
  display: 'optional',
  preload: false,
  adjustFontFallback: false,
});
const serifItalicExt = localFont({
  src: './source-serif-4-latin-ext-wght-italic.woff2',
  style: 'italic',
  weight: '200 900',
  declarations: [
    { prop: 'font-family', value: "'News Rebeat Serif'" },
    {
      prop: 'unicode-range',
      value:
        'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C4, U+2113, U+2C60-2C7F, U+A720-A7FF',
    },
  ],
  variable: '--font-serif-italic-ext',
  display: 'optional',
  preload: false,
  adjustFontFallback: false,
});

/** The furniture: navigation, bylines, labels. Its variable is --font-inter, as above. */
const inter = localFont({
  src: './inter-latin-wght-normal.woff2',
  style: 'normal',
  weight: '100 900',
  declarations: [
    { prop: 'font-family', value: "'News Rebeat Sans'" },
    {
      prop: 'unicode-range',
      value:
        'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD',
    },
  ],
  variable: '--font-inter',
  display: 'optional',
  preload: false,
  adjustFontFallback: 'Arial',
  fallback: ['system-ui', 'Arial', 'sans-serif'],
});
const sansExt = localFont({
  src: './inter-latin-ext-wght-normal.woff2',
  style: 'normal',
  weight: '100 900',
  declarations: [
    { prop: 'font-family', value: "'News Rebeat Sans'" },
    {
      prop: 'unicode-range',
      value:
        'U+0100-02BA, U+02BD-02C5, U+02C7-02CC, U+02CE-02D7, U+02DD-02FF, U+0304, U+0308, U+0329, U+1D00-1DBF, U+1E00-1E9F, U+1EF2-1EFF, U+2020, U+20A0-20AB, U+20AD-20C4, U+2113, U+2C60-2C7F, U+A720-A7FF',
    },
  ],
  variable: '--font-sans-ext',
  display: 'optional',
  preload: false,
  adjustFontFallback: false,
});

/**
 * The classes for <html>: the two variables the stylesheet uses (app/globals.css), and the other
 * faces' variables, which no rule reads but which keep their @font-face rules in the stylesheet.
 */
export const fontClasses = [sourceSerif, inter, serifExt, serifItalic, serifItalicExt, sansExt].map((f) => f.variable).join(' ');
