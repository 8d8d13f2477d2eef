import { slugify } from '@/lib/content/slug';
import { LIVE_EDITOR_PATH, previewPath } from '@/lib/preview/prefix';

/** The file each feed format is served as, at the site's root and under each section. */
const FEED_FILES = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' } as const;

export type FeedFormat = keyof typeof FEED_FILES;

export const FEED_FORMATS = Object.keys(FEED_FILES) as FeedFormat[];

/** What a search address can carry; each left out when it is the default. */
export type SearchAddress = { q?: string; section?: string; page?: number };

const SEARCH = '/search';

const story = (slug: string) => `/articles/${slug}`;
/** A live story's page for its whole life, live and ended (ADR 0011). */
const live = (slug: string) => `/live/${slug}`;
const section = (id: string) => `/${id}`;
const author = (id: string) => `/authors/${id}`;
/** A tag's listing by its key (already a slug): route patterns must not be slugified. */
const tagListing = (key: string) => `/tags/${key}`;
/** Every later page of listings at once, as a route pattern (revalidatePath with type 'page'). */
const listingPageRoute = (first: string) => `${first}/page/[page]`;

/** The search page's address for a query, leaving out defaults so each result page has one URL. */
function search({ q, section, page }: SearchAddress = {}): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (section) params.set('section', section);
  if (page && page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `${SEARCH}?${query}` : SEARCH;
}

/**
 * Every public path the site builds, in one place, so pages, feeds, sitemaps, link checks and
 * revalidation agree. Paths are site-relative; lib/site.ts absoluteUrl makes them absolute.
 */
export const paths = {
  front: () => '/',
  story,
  /** Where readers find a story: its live page when it has live coverage, else its story page. */
  storyPage: (s: { slug: string; live?: unknown }) => (s.live ? live(s.slug) : story(s.slug)),
  live,
  /** Page N of a live story's updates: page 1 is the live page itself. */
  livePage: (slug: string, page: number) => (page <= 1 ? live(slug) : `${live(slug)}/page/${page}`),
  /** A live story's own feed of its updates, in one format (/live/<slug>/feed.xml, atom.xml, feed.json). */
  liveFeed: (format: FeedFormat, slug: string) => `${live(slug)}/${FEED_FILES[format]}`,
  /** The ids of a live story's newest updates, as JSON, for the reader's "new updates" prompt. */
  liveUpdatesJson: (slug: string) => `${live(slug)}/updates.json`,
  /** An update's permalink: redirects to the page that holds it, at its anchor. */
  liveUpdate: (slug: string, id: string) => `${live(slug)}/update/${id}`,
  section,
  author,
  tag: (tag: string) => tagListing(slugify(tag)),
  /** Page N of a section, tag or author listing: page 1 keeps the listing's own address. */
  listingPage: (first: string, page: number) => (page <= 1 ? first : `${first}/page/${page}`),
  /** The site's feed in one format, or a section's own (/world/feed.xml). */
  feed: (format: FeedFormat, sectionId?: string) => `${sectionId ? section(sectionId) : ''}/${FEED_FILES[format]}`,
  search,
  /** Search with a placeholder for the words, braces left as they are (schema.org SearchAction). */
  searchTemplate: (placeholder: string) => `${SEARCH}?q={${placeholder}}`,
  /**
   * An image under public/ as it is served (`/images/x.jpg`), percent-encoded the way every path
   * is spelled here (lib/security/safe-path.ts canonicalPath), so a name with a space or an accent
   * is still a valid URL. The original's address: stable and canonical, unlike a crop's.
   */
  image: (src: string) => encodeURI(src),
  /** One rendition of a picture (lib/media/render.ts): `/media/<key>/16x9-960.avif`, cached for ever. */
  rendition: (key: string, file: string) => `/media/${key}/${file}`,
  /** The site's generated share card (app/opengraph-image.tsx). */
  siteShareImage: () => '/opengraph-image',
  /**
   * A story's generated share card (app/articles/[slug]/opengraph-image.tsx, image id `card`).
   * Next adds a cache-busting query to the og:image tag; the path serves without it.
   */
  storyShareImage: (slug: string) => `${story(slug)}/opengraph-image/card`,
  sitemap: () => '/sitemap.xml',
  /** Part `n` (1-based) of a split sitemap. */
  sitemapPart: (n: number) => `/sitemaps/${n}.xml`,
  newsSitemap: () => '/news-sitemap.xml',
  robots: () => '/robots.txt',
  /** The preview (draft mode) address of a page on this site. */
  preview: previewPath,
  liveEditor: () => LIVE_EDITOR_PATH,
  /** Leaves preview, then goes to `to`. */
  previewExit: (to: string) => `/api/preview/exit?path=${encodeURIComponent(to)}`,
  previewCheck: () => '/api/preview/check',
};

/**
 * Route patterns, as the folders under app/ name them: what revalidatePath(pattern, 'page') takes
 * to reach every page of a route at once. urls.test.ts checks each against the tree.
 */
export const ROUTE_PATTERNS = {
  story: story('[slug]'),
  live: live('[slug]'),
  liveLaterPages: `${live('[slug]')}/page/[page]`,
  sectionLaterPages: listingPageRoute(section('[section]')),
  tagLaterPages: listingPageRoute(tagListing('[tag]')),
  authorLaterPages: listingPageRoute(author('[id]')),
} as const;

/** The site's own feeds, one per format. */
export const SITE_FEEDS = FEED_FORMATS.map((format) => paths.feed(format));

export const SITEMAPS = [paths.sitemap(), paths.newsSitemap()];

/** Pages that exist whatever the content: the front, search, feeds, sitemaps and robots.txt. */
export const FIXED_PATHS = [paths.front(), paths.search(), ...SITE_FEEDS, ...SITEMAPS, paths.robots()];
