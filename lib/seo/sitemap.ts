import { lastModifiedAt } from '@/lib/content/dates';
import type { Article, Section } from '@/lib/content/schema';
import { isPublic } from '@/lib/content/visibility';
import { absoluteUrl } from '@/lib/site';
import { paths } from '@/lib/urls';
import { isCanonicalHere } from './canonical';
import { XML_DECLARATION, element } from './xml';

/** The sitemaps.org limit of URLs in one sitemap file; past it the site serves a sitemap index. */
export const MAX_URLS_PER_SITEMAP = 50_000;

const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export type SitemapEntry = { loc: string; lastmod?: string };

export type SitemapPlan =
  | { kind: 'urlset'; entries: SitemapEntry[] }
  | { kind: 'index'; parts: SitemapEntry[][] };

/**
 * URLs per sitemap file. SITEMAP_MAX_URLS may lower it (the end-to-end test uses this to see the
 * index served without generating 50,000 stories); it can never raise it past the protocol's limit.
 */
export function sitemapUrlLimit(): number {
  const raw = Number(process.env.SITEMAP_MAX_URLS);
  return Number.isInteger(raw) && raw > 0 ? Math.min(raw, MAX_URLS_PER_SITEMAP) : MAX_URLS_PER_SITEMAP;
}

/** The later of two ISO dates by instant, keeping the original text (and so its offset). */
function later(a: string | undefined, b: string): string {
  return a === undefined || Date.parse(b) > Date.parse(a) ? b : a;
}

export type SitemapInput = {
  articles: readonly Article[];
  sections: readonly Section[];
  /** Authors with a public story (their pages exist). */
  authorIds: readonly string[];
  now?: number;
};

/**
 * Every public page with its last modification: front, sections, tags, authors and stories.
 * Stories are filtered again here, so a draft, a scheduled story or a hidden sample handed in by
 * mistake still cannot reach a sitemap. Listing pages take the newest change among their stories.
 */
export function sitemapEntries({ articles, sections, authorIds, now = Date.now() }: SitemapInput): SitemapEntry[] {
  const visible = articles.filter((a) => isPublic(a, now));
  let front: string | undefined;
  const bySection = new Map<string, string>();
  const byTag = new Map<string, string>();
  const byAuthor = new Map<string, string>();
  for (const article of visible) {
    const modified = lastModifiedAt(article);
    front = later(front, modified);
    bySection.set(article.section, later(bySection.get(article.section), modified));
    for (const tag of article.tags) {
      const path = paths.tag(tag);
      byTag.set(path, later(byTag.get(path), modified));
    }
    for (const id of article.authors) byAuthor.set(id, later(byAuthor.get(id), modified));
  }
  const entry = (path: string, lastmod: string | undefined): SitemapEntry =>
    lastmod ? { loc: absoluteUrl(path), lastmod } : { loc: absoluteUrl(path) };

  return [
    entry(paths.front(), front),
    ...sections.map((s) => entry(paths.section(s.id), bySection.get(s.id))),
    ...[...byTag.keys()].sort().map((path) => entry(path, byTag.get(path))),
    ...authorIds.filter((id) => byAuthor.has(id)).map((id) => entry(paths.author(id), byAuthor.get(id))),
    ...visible.filter(isCanonicalHere).map((a) => entry(paths.article(a.slug), lastModifiedAt(a))),
  ];
}

/** One file when the URLs fit, else consecutive parts of at most `limit` URLs for an index. */
export function planSitemap(entries: readonly SitemapEntry[], limit: number = MAX_URLS_PER_SITEMAP): SitemapPlan {
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`sitemap limit must be a positive integer, got ${limit}`);
  if (entries.length <= limit) return { kind: 'urlset', entries: [...entries] };
  const parts: SitemapEntry[][] = [];
  for (let i = 0; i < entries.length; i += limit) parts.push(entries.slice(i, i + limit));
  return { kind: 'index', parts };
}

/** Where part `n` (1-based) of a split sitemap is served. */
export function sitemapPartPath(n: number): string {
  return `/sitemaps/${n}.xml`;
}

/** The part number in a `/sitemaps/<n>.xml` segment, or undefined for anything else. */
export function parseSitemapPart(segment: string): number | undefined {
  const match = /^([1-9]\d{0,5})\.xml$/.exec(segment);
  return match ? Number(match[1]) : undefined;
}

export function renderUrlset(entries: readonly SitemapEntry[]): string {
  const urls = entries.map((e) => `<url>${element('loc', e.loc)}${element('lastmod', e.lastmod)}</url>`);
  return `${XML_DECLARATION}\n<urlset xmlns="${NS}">\n${urls.join('\n')}\n</urlset>\n`;
}

/** The index pointing at every part, each with the newest lastmod inside it. */
export function renderSitemapIndex(parts: readonly SitemapEntry[][]): string {
  const items = parts.map((part, i) => {
    const lastmod = part.reduce<string | undefined>((acc, e) => (e.lastmod ? later(acc, e.lastmod) : acc), undefined);
    return `<sitemap>${element('loc', absoluteUrl(sitemapPartPath(i + 1)))}${element('lastmod', lastmod)}</sitemap>`;
  });
  return `${XML_DECLARATION}\n<sitemapindex xmlns="${NS}">\n${items.join('\n')}\n</sitemapindex>\n`;
}

/** What /sitemap.xml serves: the urlset itself, or the index when the site has outgrown one file. */
export function renderRootSitemap(plan: SitemapPlan): string {
  return plan.kind === 'urlset' ? renderUrlset(plan.entries) : renderSitemapIndex(plan.parts);
}

/** Part `n` of a split sitemap, or undefined when there is no such part. */
export function renderSitemapPart(plan: SitemapPlan, n: number): string | undefined {
  if (plan.kind !== 'index') return undefined;
  const part = plan.parts[n - 1];
  return part ? renderUrlset(part) : undefined;
}

