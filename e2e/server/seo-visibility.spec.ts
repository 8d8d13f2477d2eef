import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { expect, test } from '@playwright/test';
import { jsonFeedSchema } from '../../lib/feeds/json-feed';
import { validateXml } from '../../lib/seo/xsd/validate';
import { copyContent, startServer, type RunningServer } from '../support/server';
import { SEED_SLUG } from '../support/seed';
import { SITE, jsonLdIn, linkHref, locsIn, metaValues } from '../support/seo';

// Sitemaps and feeds are prerendered from content/ at build and regenerate every 30 s
// (docs/architecture/0003-isr-windows.md); allow a few windows for this server's content to show.
const WINDOW_MS = 30_000;
test.setTimeout(6 * WINDOW_MS);

const STAMP = Date.now();
const slugs = {
  fresh: `seo-fresh-${STAMP}`,
  syndicated: `seo-syndicated-${STAMP}`,
  draft: `seo-draft-${STAMP}`,
  future: `seo-future-${STAMP}`,
};
const ORIGINAL = 'https://agency.example/2026/harbour-lamps-original';
// Samples in the repository's content (HIDE_SAMPLES=1 must keep every one of them out).
const SAMPLE_SLUG = 'port-calder-shipyard-electric-ferries';

let server: RunningServer;
let contentDir: string;

function story(slug: string, fields: string[], body = 'The harbour lamps were lit again on Friday evening.') {
  writeFileSync(
    path.join(contentDir, 'articles', `${slug}.mdx`),
    [
      '---',
      `title: "Harbour lamps story ${slug}"`,
      'dek: Lamps, a test of what search engines are told.',
      'section: world',
      'tags: [Harbours]',
      'authors: [mark-jones]',
      ...fields,
      '---',
      '',
      body,
      '',
    ].join('\n'),
  );
}

test.beforeAll(async () => {
  contentDir = copyContent();
  const iso = (msFromNow: number) => new Date(Date.now() + msFromNow).toISOString();
  // Written before the server starts, so the first regeneration already sees them.
  story(slugs.fresh, [`publishedAt: ${iso(-60 * 60_000)}`]);
  story(slugs.syndicated, [
    `publishedAt: ${iso(-2 * 60 * 60_000)}`,
    `source: { name: Agency, url: "${ORIGINAL}" }`,
    `canonicalUrl: ${ORIGINAL}`,
  ]);
  story(slugs.draft, [`publishedAt: ${iso(-30 * 60_000)}`, 'draft: true']);
  story(slugs.future, [`publishedAt: ${iso(24 * 60 * 60_000)}`]);
  server = await startServer({ contentDir, isolated: true, env: { HIDE_SAMPLES: '1' } });
});

test.afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined at run time when beforeAll failed before starting it; the declared type is the tests' view
  await server?.stop();
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

/** Fetches until this server's own content shows (the fresh story), past the build's prerender. */
async function regenerated(pathname: string): Promise<string> {
  const deadline = Date.now() + 4 * WINDOW_MS;
  let text = '';
  while (Date.now() < deadline) {
    text = await (await fetch(`${server.url}${pathname}`)).text();
    if (text.includes(slugs.fresh)) return text;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`${pathname} never showed ${slugs.fresh}:\n${text.slice(0, 500)}`);
}

function expectNoHidden(text: string, where: string, { syndicated }: { syndicated: boolean }) {
  expect(text, `${where}: draft`).not.toContain(slugs.draft);
  expect(text, `${where}: scheduled story`).not.toContain(slugs.future);
  expect(text, `${where}: hidden sample`).not.toContain(SAMPLE_SLUG);
  if (!syndicated) expect(text, `${where}: syndicated copy`).not.toContain(slugs.syndicated);
}

test('drafts, scheduled stories and hidden samples appear in no sitemap, feed or structured data', async () => {
  const [sitemap, news, rss, atom, json, worldRss] = (await Promise.all(
    ['/sitemap.xml', '/news-sitemap.xml', '/feed.xml', '/atom.xml', '/feed.json', '/world/feed.xml'].map(regenerated),
  )) as [string, string, string, string, string, string];

  // Sitemap: valid, this server's public stories only; syndicated copy is canonical elsewhere.
  expect(validateXml(sitemap, 'sitemap').output).toMatch(/validates/);
  expect(locsIn(sitemap)).toContain(`${SITE}/articles/${slugs.fresh}`);
  expect(locsIn(sitemap)).toContain(`${SITE}/articles/${SEED_SLUG}`);
  expectNoHidden(sitemap, 'sitemap', { syndicated: false });

  // Google News sitemap: now with a story of the last 48 hours, valid against the News schema.
  const newsResult = validateXml(news, 'news');
  expect(newsResult.output).toMatch(/validates/);
  expect(locsIn(news)).toEqual([`${SITE}/articles/${slugs.fresh}`]);
  expect(news).toContain(`<news:title>Harbour lamps story ${slugs.fresh}</news:title>`);
  expect(news).toContain('<news:publication><news:name>News Rebeat</news:name><news:language>en</news:language></news:publication>');
  expectNoHidden(news, 'news sitemap', { syndicated: false });

  // Feeds: the fresh and the syndicated story, nothing hidden.
  for (const [name, xml] of [
    ['rss', rss],
    ['atom', atom],
    ['world rss', worldRss],
  ] as const) {
    const feed = parseFeed(xml);
    const urls = feed.items.map((i) => i.url);
    expect(urls[0], name).toBe(`${SITE}/articles/${slugs.fresh}`);
    expect(urls, name).toContain(`${SITE}/articles/${slugs.syndicated}`);
    expectNoHidden(xml, name, { syndicated: true });
  }
  const jsonFeed = jsonFeedSchema.parse(JSON.parse(json));
  expect(jsonFeed.items[0]!.id).toBe(`${SITE}/articles/${slugs.fresh}`);
  expect(jsonFeed.items.find((i) => i.id.endsWith(slugs.syndicated))?.external_url).toBe(ORIGINAL);
  expectNoHidden(json, 'json feed', { syndicated: true });

  // Pages: hidden stories are not found and carry no structured data.
  for (const slug of [slugs.draft, slugs.future]) {
    const response = await fetch(`${server.url}/articles/${slug}`);
    expect(response.status).toBe(404);
    expect(jsonLdIn(await response.text()).filter((t) => t['@type'] === 'NewsArticle')).toEqual([]);
  }
  const fresh = await (await fetch(`${server.url}/articles/${slugs.fresh}`)).text();
  expect(jsonLdIn(fresh).find((t) => t['@type'] === 'NewsArticle')?.headline).toBe(`Harbour lamps story ${slugs.fresh}`);
  const front = await regenerated('/');
  expectNoHidden(front, 'front page', { syndicated: true });
  expect(server.output()).not.toMatch(/\[content\] left out|Error/);
});

test('syndicated copy names its original as canonical, in the head and in JSON-LD', async () => {
  const response = await fetch(`${server.url}/articles/${slugs.syndicated}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  expect(linkHref(html, 'canonical')).toEqual([ORIGINAL]);
  expect(metaValues(html, 'og:url')).toEqual([ORIGINAL]);
  const newsArticle = jsonLdIn(html).find((t) => t['@type'] === 'NewsArticle')!;
  expect(newsArticle.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': ORIGINAL });
  expect(newsArticle.url).toBe(ORIGINAL);
  expect(newsArticle.isBasedOn).toBe(ORIGINAL);
  // The page still says where it is on this site, for the breadcrumb trail.
  const crumbs = jsonLdIn(html).find((t) => t['@type'] === 'BreadcrumbList')!;
  expect(JSON.stringify(crumbs)).toContain(`${SITE}/articles/${slugs.syndicated}`);
});
