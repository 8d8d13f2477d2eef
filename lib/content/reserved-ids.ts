/**
 * The top-level URL segments the site's own routes take, which a section id (its URL, /<id>)
 * must not. They mirror app/: each directory holding a page or a route, and each metadata
 * route by the address it serves (robots.ts serves /robots.txt). reserved-ids.test.ts lists
 * app/ and fails when this list and the tree differ. Dynamic segments ([section]) take no name.
 */
export const APP_ROUTE_SEGMENTS = [
  'api',
  'articles',
  'atom.xml',
  'authors',
  'feed.json',
  'feed.xml',
  'icon.svg',
  'live',
  'media',
  'news-sitemap.xml',
  'opengraph-image',
  'preview',
  'robots.txt',
  'search',
  'sitemap.xml',
  'sitemaps',
  'tags',
] as const;

/** Paths the framework serves itself, not in app/ (Next's assets). */
export const FRAMEWORK_SEGMENTS = ['_next'] as const;

export const RESERVED_SECTION_IDS: ReadonlySet<string> = new Set([...APP_ROUTE_SEGMENTS, ...FRAMEWORK_SEGMENTS]);
