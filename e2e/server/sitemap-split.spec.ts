import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { validateXml } from '../../lib/seo/xsd/validate';
import { generateContent } from '../../scripts/generate-content';
import { startServer, type RunningServer } from '../support/server';
import { SITE, locsIn, served } from '../support/seo';

// The build's /sitemap.xml (from content/) is one urlset; this server's regenerates within a window.
const WINDOW_MS = 30_000;
test.setTimeout(5 * WINDOW_MS);

const LIMIT = 25;
const COUNT = 60;
let server: RunningServer;
let contentDir: string;

test.beforeAll(async () => {
  contentDir = mkdtempSync(path.join(tmpdir(), 'news-rebeat-split-'));
  generateContent({ count: COUNT, dir: contentDir, tags: 20 });
  // SITEMAP_MAX_URLS lowers the 50,000-URL limit so a small generated set needs an index.
  server = await startServer({ contentDir, isolated: true, env: { SITEMAP_MAX_URLS: String(LIMIT) } });
});

test.afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined at run time when beforeAll failed before starting it; the declared type is the tests' view
  await server?.stop();
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

test('a site over the per-file limit serves a sitemap index of schema-valid parts covering every page', async () => {
  const deadline = Date.now() + 4 * WINDOW_MS;
  let index = '';
  while (Date.now() < deadline) {
    index = await (await fetch(`${server.url}/sitemap.xml`)).text();
    if (index.includes('<sitemapindex')) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  expect(index).toContain('<sitemapindex');
  expect(validateXml(index, 'siteindex').output).toMatch(/validates/);
  const parts = locsIn(index);
  expect(parts.length).toBeGreaterThanOrEqual(Math.ceil(COUNT / LIMIT));
  expect(parts).toEqual(parts.map((_, i) => `${SITE}/sitemaps/${i + 1}.xml`));

  const listed: string[] = [];
  for (const part of parts) {
    // A part URL cached as "not found" before the site grew (e.g. by the shared server, whose
    // cache this server's copy of the build inherits) is served stale once, then regenerated.
    let response = await fetch(served(part, server.url));
    for (let tries = 0; response.status !== 200 && tries < 20; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      response = await fetch(served(part, server.url));
    }
    expect(response.status, part).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    expect(validateXml(xml, 'sitemap').output, part).toMatch(/validates/);
    const locs = locsIn(xml);
    expect(locs.length).toBeGreaterThan(0);
    expect(locs.length).toBeLessThanOrEqual(LIMIT);
    listed.push(...locs);
  }
  expect(new Set(listed).size).toBe(listed.length);
  for (let i = 0; i < COUNT; i++) expect(listed).toContain(`${SITE}/articles/synthetic-${i}`);
  expect(listed).toContain(`${SITE}/`);
  const beyond = `${server.url}/sitemaps/${parts.length + 1}.xml`;
  expect((await fetch(beyond)).status).toBe(404);
  expect((await fetch(beyond)).status).toBe(404);
});
