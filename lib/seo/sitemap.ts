import { lastModifiedAt } from '@/lib/content/last-modified';
import type { Story, Section } from '@/lib/content/schema';
import { absoluteUrl } from '@/lib/site';
import { paths } from '@/lib/urls';
import { isCanonicalHere, storyUrl } from './canonical';
import { XML_DECLARATION, element } from './xml';

/** The sitemaps.org limit of URLs in one sitemap file; past it the site serves a sitemap index. */
export const MAX_URLS_PER_SITEMAP = 50_000;

/** Google's limit of images listed for one URL. */
export const MAX_IMAGES_PER_URL = 1_000;

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
/** Google's image sitemap extension; only image:loc is written (caption, title, license, geo_location are deprecated). */
const IMAGE_NS = 'http://www.google.com/schemas/sitemap-image/1.1';

/** One URL of a sitemap, with the absolute URLs of the images its page shows. */
export type SitemapEntry = { loc: string; lastmod?: string; images?: readonly string[] };

/**
 * URLs per sitemap file. SITEMAP_MAX_URLS may lower it (the end-to-end test uses this to see the
 * index served without generating 50,000 stories); it can never raise it past the protocol's limit.
 */
export function sitemapUrlLimit(): number {
  const raw = Number(process.env.SITEMAP_MAX_URLS);
  return Number.isInteger(raw) && raw > 0 ? Math.min(raw, MAX_URLS_PER_SITEMAP) : MAX_URLS_PER_SITEMAP;
}

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString().replace('.000Z', 'Z'));

/** A listing (section, tag, author) with public stories, and its newest change. */
export type ListingStamp = { key: string; modifiedMs: number };

export type PagesInput = {
  sections: readonly Section[];
  /** Listings with public stories (lib/content/queries.ts getListingSummaries). */
  sectionStamps: readonly ListingStamp[];
  tags: readonly ListingStamp[];
  authors: readonly ListingStamp[];
  /** The newest change of any public story: the front page's lastmod. */
  frontModifiedMs?: number;
};

/** The front, sections, tags and authors with lastmod: every page that is not a story. */
export function pageEntries({ sections, sectionStamps, tags, authors, frontModifiedMs }: PagesInput): SitemapEntry[] {
  const entry = (path: string, ms: number | undefined): SitemapEntry =>
    ms === undefined ? { loc: absoluteUrl(path) } : { loc: absoluteUrl(path), lastmod: iso(ms) };
  const sectionMs = new Map(sectionStamps.map((s) => [s.key, s.modifiedMs]));
  return [
    entry(paths.front(), frontModifiedMs),
    ...sections.map((s) => entry(paths.section(s.id), sectionMs.get(s.id))),
    ...tags.map((t) => entry(paths.tag(t.key), t.modifiedMs)),
    ...authors.map((a) => entry(paths.author(a.key), a.modifiedMs)),
  ];
}

/**
 * Public stories whose canonical page is here, each with its last modification and its images:
 * the lead image first, then the rest the content index recorded for it (`images`, by slug,
 * lib/content/known-images.ts getStoryImages), at most MAX_IMAGES_PER_URL. Each image is listed
 * at its original file's address under public/, not a crop's: that is the canonical, stable URL
 * of the picture, which every crop and optimised copy derives from.
 */
export function storyEntries(stories: readonly Story[], images: ReadonlyMap<string, readonly string[]> = new Map()): SitemapEntry[] {
  return stories.filter(isCanonicalHere).map((a) => {
    const srcs = new Set([...(a.image ? [a.image.src] : []), ...(images.get(a.slug) ?? [])]);
    const entry: SitemapEntry = { loc: storyUrl(a), lastmod: lastModifiedAt(a) };
    if (srcs.size === 0) return entry;
    return { ...entry, images: [...srcs].slice(0, MAX_IMAGES_PER_URL).map((src) => absoluteUrl(paths.image(src))) };
  });
}

/** A month's public stories, and their newest change. */
export type MonthStamp = { key: string; stories: number; modifiedMs: number };

/** One part of a split sitemap: a slice of a month's stories, or of the other pages. */
export type SitemapPart =
  { kind: 'stories'; month: string; offset: number; limit: number; modifiedMs: number } | { kind: 'pages'; offset: number; limit: number };

export type SitemapPlan = { kind: 'urlset' } | { kind: 'index'; parts: SitemapPart[] };

/**
 * One file while every URL fits; past the limit, an index of parts by month of publication, in
 * order, then the other pages. A story published now changes the last month's part; an edit to
 * an old story changes its month's part only. A month with more stories than the limit takes
 * several parts, in publication order, so new stories only add to its last one.
 */
export function planSitemap(pages: number, months: readonly MonthStamp[], limit: number = MAX_URLS_PER_SITEMAP): SitemapPlan {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`sitemap limit must be a positive integer, got ${limit}`);
  const stories = months.reduce((sum, m) => sum + m.stories, 0);
  if (pages + stories <= limit) return { kind: 'urlset' };
  const parts: SitemapPart[] = [];
  for (const m of [...months].sort((a, b) => (a.key < b.key ? -1 : 1))) {
    for (let offset = 0; offset < m.stories; offset += limit)
      parts.push({ kind: 'stories', month: m.key, offset, limit, modifiedMs: m.modifiedMs });
  }
  for (let offset = 0; offset < pages; offset += limit) parts.push({ kind: 'pages', offset, limit });
  return { kind: 'index', parts };
}

/** The part number in a `/sitemaps/<n>.xml` segment, or undefined for anything else. */
export function parseSitemapPart(segment: string): number | undefined {
  const match = /^([1-9]\d{0,5})\.xml$/.exec(segment);
  return match ? Number(match[1]) : undefined;
}

export function renderUrlset(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => {
    // After loc and lastmod: the urlset schema puts other namespaces' elements last.
    const images = (e.images ?? []).map((url) => `<image:image>${element('image:loc', url)}</image:image>`).join('');
    return `<url>${element('loc', e.loc)}${element('lastmod', e.lastmod)}${images}</url>`;
  });
  return `${XML_DECLARATION}\n<urlset xmlns="${NS}" xmlns:image="${IMAGE_NS}">\n${urls.join('\n')}\n</urlset>\n`;
}

/** The index pointing at every part, each with the newest lastmod inside it. */
export function renderSitemapIndex(parts: readonly { lastmod?: string }[]): string {
  const items = parts.map(
    (part, i) => `<sitemap>${element('loc', absoluteUrl(paths.sitemapPart(i + 1)))}${element('lastmod', part.lastmod)}</sitemap>`,
  );
  return `${XML_DECLARATION}\n<sitemapindex xmlns="${NS}">\n${items.join('\n')}\n</sitemapindex>\n`;
}

/** The newest lastmod among entries (by instant, keeping the original text). */
export function newestLastmod(entries: readonly SitemapEntry[]): string | undefined {
  let newest: string | undefined;
  for (const e of entries) if (e.lastmod && (newest === undefined || Date.parse(e.lastmod) > Date.parse(newest))) newest = e.lastmod;
  return newest;
}

export { iso as sitemapDate };
