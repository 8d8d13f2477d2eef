import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getPublicAuthorIds, getPublishedArticles, getSections } from '@/lib/content/queries';
import { generateContent } from '@/scripts/generate-content';
import { fixtureArticle, fixtureSections } from './test-fixtures';
import {
  MAX_URLS_PER_SITEMAP,
  parseSitemapPart,
  planSitemap,
  renderRootSitemap,
  renderSitemapIndex,
  renderSitemapPart,
  renderUrlset,
  sitemapEntries,
  sitemapUrlLimit,
  type SitemapEntry,
} from './sitemap';
import { validateXml } from './xsd/validate';

const NOW = Date.parse('2024-06-01T00:00:00Z');

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('sitemapEntries', () => {
  const articles = [
    fixtureArticle({ slug: 'fresh', tags: ['Harbours', 'Ports & Docks'], publishedAt: '2024-05-20T10:00:00+02:00', updatedAt: '2024-05-21T08:00:00+02:00' }),
    fixtureArticle({ slug: 'older', section: 'business', authors: ['bo-lind'], tags: ['Harbours'], publishedAt: '2024-04-01T09:00:00Z' }),
    fixtureArticle({ slug: 'draft', draft: true, tags: ['Secret tag'] }),
    fixtureArticle({ slug: 'scheduled', publishedAt: '2024-07-01T00:00:00Z', tags: ['Future tag'], authors: ['future-only'] }),
    fixtureArticle({ slug: 'sample', sample: true, publishedAt: '2024-05-25T00:00:00Z' }),
    fixtureArticle({
      slug: 'syndicated',
      publishedAt: '2024-05-02T00:00:00Z',
      source: { name: 'Agency', url: 'https://agency.example/story' },
      canonicalUrl: 'https://agency.example/story',
    }),
  ];
  const locs = (entries: SitemapEntry[]) => entries.map((e) => e.loc.replace('http://localhost:3000', ''));

  it('lists the front, sections, tags, authors and public canonical stories with lastmod', () => {
    const entries = sitemapEntries({ articles, sections: fixtureSections, authorIds: ['ana-ruiz', 'bo-lind'], now: NOW });
    expect(locs(entries)).toEqual([
      '/',
      '/world',
      '/business',
      '/tags/harbours',
      '/tags/ports-and-docks',
      '/authors/ana-ruiz',
      '/authors/bo-lind',
      '/articles/fresh',
      '/articles/older',
      '/articles/sample',
    ]);
    const byLoc = new Map(entries.map((e) => [e.loc.replace('http://localhost:3000', ''), e.lastmod]));
    // A story's lastmod is its update; listings take the newest change among their stories.
    expect(byLoc.get('/articles/fresh')).toBe('2024-05-21T08:00:00+02:00');
    expect(byLoc.get('/articles/older')).toBe('2024-04-01T09:00:00Z');
    expect(byLoc.get('/')).toBe('2024-05-25T00:00:00Z');
    expect(byLoc.get('/business')).toBe('2024-04-01T09:00:00Z');
    expect(byLoc.get('/tags/harbours')).toBe('2024-05-25T00:00:00Z');
    expect(byLoc.get('/authors/bo-lind')).toBe('2024-04-01T09:00:00Z');
  });

  it('never lists drafts, scheduled stories, their tags or authors, or syndicated copy', () => {
    const all = locs(sitemapEntries({ articles, sections: fixtureSections, authorIds: ['ana-ruiz', 'bo-lind', 'future-only'], now: NOW }));
    for (const hidden of ['/articles/draft', '/articles/scheduled', '/tags/secret-tag', '/tags/future-tag', '/authors/future-only', '/articles/syndicated']) {
      expect(all).not.toContain(hidden);
    }
  });

  it('drops samples when samples are hidden', () => {
    vi.stubEnv('HIDE_SAMPLES', '1');
    expect(locs(sitemapEntries({ articles, sections: fixtureSections, authorIds: [], now: NOW }))).not.toContain('/articles/sample');
  });

  it('renders a urlset that passes the sitemaps.org schema and escapes URLs', () => {
    vi.stubEnv('SITE_URL', 'https://news.example/?a=1&b=2');
    const xml = renderUrlset(sitemapEntries({ articles, sections: fixtureSections, authorIds: ['ana-ruiz'], now: NOW }));
    expect(xml).toContain('https://news.example/?a=1&amp;b=2/articles/fresh');
    const result = validateXml(xml, 'sitemap');
    expect(result.output).toMatch(/validates/);
  });
});

describe('splitting into a sitemap index', () => {
  const entries = (n: number): SitemapEntry[] =>
    Array.from({ length: n }, (_, i) => ({ loc: `https://news.example/articles/story-${i}`, lastmod: `2024-01-01T00:${String(i % 60).padStart(2, '0')}:00Z` }));

  it('keeps one urlset up to the limit and splits past it, in order, without losing a URL', () => {
    expect(planSitemap(entries(3), 3).kind).toBe('urlset');
    const plan = planSitemap(entries(7), 3);
    expect(plan.kind).toBe('index');
    if (plan.kind !== 'index') return;
    expect(plan.parts.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(plan.parts.flat()).toEqual(entries(7));
    expect(renderSitemapPart(plan, 3)).toContain('story-6');
    expect(renderSitemapPart(plan, 4)).toBeUndefined();
    expect(renderSitemapPart(planSitemap(entries(2), 3), 1)).toBeUndefined();
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => planSitemap(entries(2), 0)).toThrow(/positive integer/);
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

  it('splits 50,001 URLs at the real limit into 50,000 + 1, each part and the index schema-valid', () => {
    const plan = planSitemap(entries(50_001));
    expect(plan.kind).toBe('index');
    if (plan.kind !== 'index') return;
    expect(plan.parts.map((p) => p.length)).toEqual([50_000, 1]);
    expect(planSitemap(entries(50_000)).kind).toBe('urlset');
    expect(validateXml(renderSitemapPart(plan, 1)!, 'sitemap').valid).toBe(true);
    const index = renderRootSitemap(plan);
    expect(index).toContain('<sitemapindex');
    expect(validateXml(index, 'siteindex').output).toMatch(/validates/);
  }, 60_000);

  it('reads part numbers only from "<n>.xml"', () => {
    expect(parseSitemapPart('1.xml')).toBe(1);
    expect(parseSitemapPart('12.xml')).toBe(12);
    for (const bad of ['0.xml', '01.xml', '1.xml.gz', 'x.xml', '1', '-1.xml']) expect(parseSitemapPart(bad)).toBeUndefined();
  });
});

describe('a generated content set over the limit', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('becomes an index of schema-valid parts that together list every public page once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sitemap-split-'));
    dirs.push(dir);
    generateContent({ count: 120, dir, tags: 40 });
    vi.stubEnv('CONTENT_DIR', dir);
    const [articles, sections, authorIds] = await Promise.all([getPublishedArticles(), getSections(), getPublicAuthorIds()]);
    expect(articles).toHaveLength(120);
    const entries = sitemapEntries({ articles, sections, authorIds });
    // 120 stories plus front, sections, tags and authors.
    expect(entries.length).toBeGreaterThan(150);
    const limit = 50;
    const plan = planSitemap(entries, limit);
    expect(plan.kind).toBe('index');
    if (plan.kind !== 'index') return;
    expect(plan.parts).toHaveLength(Math.ceil(entries.length / limit));

    const index = renderRootSitemap(plan);
    expect(validateXml(index, 'siteindex').output).toMatch(/validates/);
    const partLocs = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(partLocs).toEqual(plan.parts.map((_, i) => `http://localhost:3000/sitemaps/${i + 1}.xml`));

    const listed: string[] = [];
    plan.parts.forEach((_, i) => {
      const xml = renderSitemapPart(plan, i + 1)!;
      expect(validateXml(xml, 'sitemap').output).toMatch(/validates/);
      const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
      expect(locs.length).toBeLessThanOrEqual(limit);
      listed.push(...locs);
    });
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed).toEqual(entries.map((e) => e.loc));
    for (const article of articles) expect(listed).toContain(`http://localhost:3000/articles/${article.slug}`);
    // Loading compiles and checks every body of the generated set: allow for a busy machine.
  }, 30_000);

  it('renders an index whose lastmod per part is the newest inside it', () => {
    const xml = renderSitemapIndex([
      [{ loc: 'https://news.example/a', lastmod: '2024-01-01T00:00:00Z' }, { loc: 'https://news.example/b', lastmod: '2024-03-01T00:00:00+01:00' }],
      [{ loc: 'https://news.example/c' }],
    ]);
    expect(xml).toContain('<sitemap><loc>http://localhost:3000/sitemaps/1.xml</loc><lastmod>2024-03-01T00:00:00+01:00</lastmod></sitemap>');
    expect(xml).toContain('<sitemap><loc>http://localhost:3000/sitemaps/2.xml</loc></sitemap>');
    expect(validateXml(xml, 'siteindex').valid).toBe(true);
  });
});
