import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getPublishedStories } from '@/lib/content/queries';
import { closeContentIndex, refreshContentIndex } from '@/lib/content/index/runtime';
import { generateContent } from '@/scripts/generate-content';
import { fixtureStory, fixtureSections } from '@/lib/content/test-fixtures';
import { rootSitemapResponse, sitemapPartResponse } from './sitemap-responses';
import {
  MAX_URLS_PER_SITEMAP,
  pageEntries,
  parseSitemapPart,
  planSitemap,
  renderSitemapIndex,
  renderUrlset,
  sitemapUrlLimit,
  storyEntries,
} from './sitemap';
import { validateXml } from './xsd/validate';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('sitemap entries', () => {
  const locs = (entries: { loc: string }[]) => entries.map((e) => e.loc.replace('http://localhost:3000', ''));

  it('lists the front, sections, tags and authors with their newest change', () => {
    const entries = pageEntries({
      sections: fixtureSections,
      sectionStamps: [{ key: 'business', modifiedMs: Date.parse('2024-04-01T09:00:00Z') }],
      tags: [{ key: 'harbours', modifiedMs: Date.parse('2024-05-25T00:00:00Z') }],
      authors: [{ key: 'bo-lind', modifiedMs: Date.parse('2024-04-01T09:00:00Z') }],
      frontModifiedMs: Date.parse('2024-05-25T00:00:00Z'),
    });
    expect(locs(entries)).toEqual(['/', '/world', '/business', '/tags/harbours', '/authors/bo-lind']);
    expect(entries.find((e) => e.loc.endsWith('/business'))!.lastmod).toBe('2024-04-01T09:00:00Z');
    expect(entries.find((e) => e.loc.endsWith('/world'))!.lastmod).toBeUndefined();
  });

  it('lists stories canonical here with their own last modification, and leaves out syndicated copy', () => {
    const entries = storyEntries([
      fixtureStory({ slug: 'fresh', publishedAt: '2024-05-20T10:00:00+02:00', updatedAt: '2024-05-21T08:00:00+02:00' }),
      fixtureStory({
        slug: 'syndicated',
        source: { name: 'Agency', url: 'https://agency.example/story' },
        canonicalUrl: 'https://agency.example/story',
      }),
    ]);
    expect(entries).toEqual([{ loc: 'http://localhost:3000/articles/fresh', lastmod: '2024-05-21T08:00:00+02:00' }]);
  });

  it('renders a urlset that passes the sitemaps.org schema and escapes URLs', () => {
    vi.stubEnv('SITE_URL', 'https://news.example/?a=1&b=2');
    const xml = renderUrlset(storyEntries([fixtureStory({ slug: 'fresh' })]));
    expect(xml).toContain('https://news.example/?a=1&amp;b=2/articles/fresh');
    expect(validateXml(xml, 'sitemap').output).toMatch(/validates/);
  });
});

describe('planning parts by month', () => {
  const month = (key: string, stories: number) => ({ key, stories, modifiedMs: Date.parse(`${key}-15T00:00:00Z`) });

  it('keeps one urlset up to the limit, then parts by month in order, a long month in several, the other pages last', () => {
    expect(planSitemap(2, [month('2024-01', 1)], 3).kind).toBe('urlset');
    const plan = planSitemap(2, [month('2024-02', 7), month('2024-01', 2)], 3);
    expect(plan.kind === 'index' && plan.parts).toEqual([
      { kind: 'stories', month: '2024-01', offset: 0, limit: 3, modifiedMs: Date.parse('2024-01-15T00:00:00Z') },
      { kind: 'stories', month: '2024-02', offset: 0, limit: 3, modifiedMs: Date.parse('2024-02-15T00:00:00Z') },
      { kind: 'stories', month: '2024-02', offset: 3, limit: 3, modifiedMs: Date.parse('2024-02-15T00:00:00Z') },
      { kind: 'stories', month: '2024-02', offset: 6, limit: 3, modifiedMs: Date.parse('2024-02-15T00:00:00Z') },
      { kind: 'pages', offset: 0, limit: 3 },
    ]);
  });

  it('changes only the newest month when a story is published now, not the parts before it', () => {
    const before = planSitemap(10, [month('2024-01', 40), month('2024-02', 40)], 50);
    const after = planSitemap(10, [month('2024-01', 40), month('2024-02', 41)], 50);
    expect(before.kind === 'index' && after.kind === 'index').toBe(true);
    if (before.kind !== 'index' || after.kind !== 'index') return;
    expect(after.parts.slice(0, 1)).toEqual(before.parts.slice(0, 1));
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => planSitemap(1, [], 0)).toThrow(/positive integer/);
  });

  it('uses the protocol limit of 50,000 URLs, which the environment may lower but never raise', () => {
    expect(MAX_URLS_PER_SITEMAP).toBe(50_000);
    expect(sitemapUrlLimit()).toBe(50_000);
    vi.stubEnv('SITEMAP_MAX_URLS', '40');
    expect(sitemapUrlLimit()).toBe(40);
    vi.stubEnv('SITEMAP_MAX_URLS', '90000');
    expect(sitemapUrlLimit()).toBe(50_000);
    vi.stubEnv('SITEMAP_MAX_URLS', 'lots');
    expect(sitemapUrlLimit()).toBe(50_000);
  });

  it('reads part numbers only from "<n>.xml"', () => {
    expect(parseSitemapPart('1.xml')).toBe(1);
    expect(parseSitemapPart('12.xml')).toBe(12);
    for (const bad of ['0.xml', '01.xml', '1.xml.gz', 'x.xml', '1', '-1.xml']) expect(parseSitemapPart(bad)).toBeUndefined();
  });

  it('renders an index with one lastmod per part', () => {
    const xml = renderSitemapIndex([{ lastmod: '2024-03-01T00:00:00+01:00' }, {}]);
    expect(xml).toContain('<sitemap><loc>http://localhost:3000/sitemaps/1.xml</loc><lastmod>2024-03-01T00:00:00+01:00</lastmod></sitemap>');
    expect(xml).toContain('<sitemap><loc>http://localhost:3000/sitemaps/2.xml</loc></sitemap>');
    expect(validateXml(xml, 'siteindex').valid).toBe(true);
  });
});

describe('a generated content set over the limit', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sitemap-split-'));
    vi.spyOn(console, 'log').mockImplementation(() => {});
  });
  afterEach(async () => {
    await closeContentIndex();
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  const locsOf = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);

  it('becomes an index of schema-valid parts that together list every public page once', async () => {
    generateContent({ count: 120, dir, tags: 40 });
    // A draft and a scheduled story: never in any part.
    writeFileSync(
      path.join(dir, 'articles', 'hidden-draft.mdx'),
      '---\ntitle: Draft\ndek: D.\nsection: world\nauthors: [synthetic-author-0]\npublishedAt: 2024-01-01T00:00:00Z\ndraft: true\n---\n\nText.\n',
    );
    writeFileSync(
      path.join(dir, 'articles', 'hidden-later.mdx'),
      '---\ntitle: Later\ndek: D.\nsection: world\nauthors: [synthetic-author-0]\npublishedAt: 2099-01-01T00:00:00Z\n---\n\nText.\n',
    );
    vi.stubEnv('CONTENT_DIR', dir);
    vi.stubEnv('CONTENT_INDEX_FILE', path.join(dir, '.index.sqlite'));
    vi.stubEnv('SITEMAP_MAX_URLS', '50');
    const stories = await getPublishedStories();
    expect(stories).toHaveLength(120);

    const index = await (await rootSitemapResponse()).text();
    expect(validateXml(index, 'siteindex').output).toMatch(/validates/);
    const parts = locsOf(index);
    expect(parts).toEqual(parts.map((_, i) => `http://localhost:3000/sitemaps/${i + 1}.xml`));
    const listed: string[] = [];
    for (let n = 1; n <= parts.length; n++) {
      const xml = await (await sitemapPartResponse(`${n}.xml`)).text();
      expect(validateXml(xml, 'sitemap').output).toMatch(/validates/);
      const locs = locsOf(xml);
      expect(locs.length).toBeGreaterThan(0);
      expect(locs.length).toBeLessThanOrEqual(50);
      listed.push(...locs);
    }
    expect((await sitemapPartResponse(`${parts.length + 1}.xml`)).status).toBe(404);
    expect(new Set(listed).size).toBe(listed.length);
    for (const story of stories) expect(listed).toContain(`http://localhost:3000/articles/${story.slug}`);
    expect(listed).toContain('http://localhost:3000/');
    expect(listed.filter((l) => l.includes('hidden-'))).toEqual([]);

    // The samples hidden: nothing of them is left to list.
    vi.stubEnv('HIDE_SAMPLES', '1');
    await refreshContentIndex();
    expect(locsOf(await (await rootSitemapResponse()).text())).toEqual([
      'http://localhost:3000/',
      'http://localhost:3000/world',
      'http://localhost:3000/politics',
      'http://localhost:3000/business',
      'http://localhost:3000/science',
      'http://localhost:3000/technology',
      'http://localhost:3000/culture',
      'http://localhost:3000/sport',
      'http://localhost:3000/climate',
      'http://localhost:3000/health',
    ]);
  }, 60_000);
});
