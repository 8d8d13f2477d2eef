/**
 * The most pixels an image may have to be cropped or optimised: 40 megapixels (8000x5000, more
 * than a phone camera), far below sharp's default of 268. Decoding a 16000x16000 PNG cost up to
 * 0.9 s of CPU per request. Used by lib/media/render.ts and next.config.ts (Next's optimiser); no
 * imports, so next.config.ts can load it.
 */
export const MAX_INPUT_PIXELS = 40_000_000;
