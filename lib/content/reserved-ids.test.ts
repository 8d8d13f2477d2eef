import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ROUTE_SEGMENTS, RESERVED_SECTION_IDS } from './reserved-ids';

const APP = path.join(process.cwd(), 'app');

/** Metadata route files by the address they serve (Next's file conventions). */
const METADATA_ROUTE: readonly [RegExp, (name: string) => string][] = [
  [/^robots\.(ts|js|txt)$/, () => 'robots.txt'],
  [/^sitemap\.(ts|js|xml)$/, () => 'sitemap.xml'],
  [/^manifest\.(ts|js|json|webmanifest)$/, () => 'manifest.webmanifest'],
  [/^(opengraph-image|twitter-image)\.(tsx|ts|jsx|js|png|jpg|jpeg|gif)$/, (name) => name.replace(/\.[^.]+$/, '')],
  [/^(icon|apple-icon)\.(tsx|ts|jsx|js)$/, (name) => name.replace(/\.[^.]+$/, '')],
  [/^(icon|apple-icon)\.(ico|png|jpg|jpeg|svg)$|^favicon\.ico$/, (name) => name],
];

/** Whether a directory serves anything: a page or a route somewhere under it. */
function servesRoutes(dir: string): boolean {
  return readdirSync(dir, { withFileTypes: true }).some((e) =>
    e.isDirectory() ? servesRoutes(path.join(dir, e.name)) : /^(page|route)\.(tsx|ts|jsx|js)$/.test(e.name),
  );
}

/** The top-level segments of app/, as addresses: what a section id must not take. */
function appSegments(): string[] {
  const segments: string[] = [];
  for (const entry of readdirSync(APP, { withFileTypes: true })) {
    const { name } = entry;
    if (entry.isDirectory()) {
      // Dynamic ([section]), private (_x) and grouping ((x)) folders name no address of their own.
      if (/^[[_(]/.test(name) || !servesRoutes(path.join(APP, name))) continue;
      segments.push(name);
    } else {
      const rule = METADATA_ROUTE.find(([pattern]) => pattern.test(name));
      if (rule) segments.push(rule[1](name));
    }
  }
  return segments.sort();
}

describe('reserved section ids', () => {
  it('are exactly the top-level segments of app/ (directories and metadata routes)', () => {
    expect([...APP_ROUTE_SEGMENTS].sort()).toEqual(appSegments());
  });

  it('include the routes a section could shadow, and no dynamic segment', () => {
    for (const id of ['media', 'sitemaps', 'search', 'api', 'preview', 'robots.txt', 'opengraph-image', '_next'])
      expect(RESERVED_SECTION_IDS.has(id)).toBe(true);
    expect(RESERVED_SECTION_IDS.has('feed')).toBe(false);
    expect(RESERVED_SECTION_IDS.has('[section]')).toBe(false);
  });
});
