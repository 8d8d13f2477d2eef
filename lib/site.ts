/** The one site configuration: name, canonical origin, language, time zone. */
export const site = {
  name: 'News Rebeat',
  description: 'News Rebeat reports the world, politics, business and science: clear, sourced journalism for readers on every screen.',
  language: 'en',
  locale: 'en_GB',
  /** Dates are shown in one zone so every reader and every prerender sees the same text. */
  timeZone: 'UTC',
} as const;

/** Canonical origin without a trailing slash, from SITE_URL (default for local runs). */
export function siteUrl(): string {
  const raw = process.env.SITE_URL ?? 'http://localhost:3000';
  return raw.replace(/\/+$/, '');
}

export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Samples are for demonstration; HIDE_SAMPLES=1 removes them for a real deployment. */
export function samplesHidden(): boolean {
  return process.env.HIDE_SAMPLES === '1' || process.env.HIDE_SAMPLES === 'true';
}

/**
 * How many of the newest stories `next build` prerenders (PRERENDER_LIMIT, default 1000). The rest
 * render on their first request and are cached by ISR from then on, so a 10,000-story site does
 * not mean a 10,000-page build.
 */
export function prerenderLimit(): number {
  const raw = Number(process.env.PRERENDER_LIMIT ?? '1000');
  return Number.isInteger(raw) && raw >= 0 ? raw : 1000;
}
