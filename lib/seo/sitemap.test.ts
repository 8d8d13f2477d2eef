import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getStoryImages } from '@/lib/content/known-images';
import { getPublishedStories } from '@/lib/content/queries';
import { closeContentIndex, refreshContentIndex } from '@/lib/content/index/runtime';
import { generateContent } from '@/scripts/generate-content';
import { fixtureStory, fixtureSections } from '@/lib/content/test-fixtures';
import { writeContentFile, writeStoryFile } from '@/lib/content/test-story-files';
import { rootSitemapResponse, sitemapPartResponse } from './sitemap-responses';
import {
  MAX_IMAGES_PER_URL,
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

  it('lists a story’s images at their originals’ addresses, the lead image first, each once, at most 1,000', () => {
    const lead = { src: '/images/lead.jpg', alt: 'Lead', width: 1600, height: 900 };
    const [withImages, plain, many] = storyEntries(
      [
        fixtureStory({ slug: 'pictured', image: lead }),
        fixtureStory({ slug: 'plain' }),
        fixtureStory({ slug: 'gallery', image: { ...lead, src: '/images/0.jpg' } }),
      ],
      new Map([
        ['pictured', ['/images/a figure.jpg', '/images/lead.jpg']],
        ['gallery', Array.from({ length: 1_200 }, (_, i) => `/images/${i}.jpg`)],
      ]),
    );
    expect(withImages!.images).toEqual(['http://localhost:3000/images/lead.jpg', 'http://localhost:3000/images/a%20figure.jpg']);
    expect(plain).toEqual({ loc: 'http://localhost:3000/articles/plain', lastmod: '2024-05-01T10:00:00+02:00' });
    expect(many!.images).toHaveLength(MAX_IMAGES_PER_URL);
    expect(MAX_IMAGES_PER_URL).toBe(1_000);
  });

  it('renders images as image:image with image:loc only, after lastmod, in a urlset that passes the schema', () => {
    const xml = renderUrlset([
      { loc: 'https://news.example/articles/a', lastmod: '2024-05-01T10:00:00Z', images: ['https://news.example/images/x.jpg?a=1&b=2'] },
      { loc: 'https://news.example/world' },
    ]);
    expect(xml).toContain('xmlns:image="http://www.google.com/schemas/sitemap-image/1.1"');
    expect(xml).toContain(
      '<url><loc>https://news.example/articles/a</loc><lastmod>2024-05-01T10:00:00Z</lastmod><image:image><image:loc>https://news.example/images/x.jpg?a=1&amp;b=2</image:loc></image:image></url>',
    );
    expect(xml).toContain('<url><loc>https://news.example/world</loc></url>');
    expect(validateXml(xml, 'sitemap').output).toMatch(/validates/);
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

// The first index of these stories makes the renditions of two 2400x1350 samples (a few seconds on two cores; none on later runs).
describe('the story sitemaps from the content index', { timeout: 30_000 }, () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sitemap-images-'));
    vi.spyOn(console, 'log').mockImplementation(() => {});
    writeContentFile(dir, 'sections.yaml', 'sections:\n  - id: world\n    name: World\n    description: The world.\n');
    writeContentFile(dir, 'authors/ana-ruiz.yaml', 'name: Ana Ruiz\nrole: Reporter\nbio: Reports.\n');
    // The pictures are the repository's own, under public/, as the content check wants.
    writeStoryFile(
      dir,
      'ice-shelf',
      {
        publishedAt: '2024-03-04T10:00:00Z',
        image:
          '{ src: /images/samples/ice-shelf.jpg, alt: The ice shelf., credit: Illustration for News Rebeat, width: 2400, height: 1350 }',
      },
      'The shelf sang.\n\n<Figure src="/images/samples/ferry-yard.jpg" alt="The yard." width={2400} height={1350} credit="Illustration for News Rebeat" />\n',
    );
    writeStoryFile(dir, 'no-pictures', { publishedAt: '2024-03-05T10:00:00Z' });
    vi.stubEnv('CONTENT_DIR', dir);
    vi.stubEnv('CONTENT_INDEX_FILE', path.join(dir, '.index.sqlite'));
  });
  afterEach(async () => {
    await closeContentIndex();
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  const urlOf = (xml: string, slug: string) => new RegExp(`<url><loc>[^<]*/articles/${slug}</loc>.*?</url>`).exec(xml)?.[0];
  const IMAGES =
    '<image:image><image:loc>http://localhost:3000/images/samples/ice-shelf.jpg</image:loc></image:image>' +
    '<image:image><image:loc>http://localhost:3000/images/samples/ferry-yard.jpg</image:loc></image:image>';

  it('list a story’s lead image and its figures, and no image for a story without any, valid by the schema', async () => {
    const xml = await (await rootSitemapResponse()).text();
    expect(validateXml(xml, 'sitemap').output).toMatch(/validates/);
    expect(urlOf(xml, 'ice-shelf')).toBe(
      `<url><loc>http://localhost:3000/articles/ice-shelf</loc><lastmod>2024-03-04T10:00:00Z</lastmod>${IMAGES}</url>`,
    );
    expect(urlOf(xml, 'no-pictures')).toBe(
      '<url><loc>http://localhost:3000/articles/no-pictures</loc><lastmod>2024-03-05T10:00:00Z</lastmod></url>',
    );
    expect(xml.match(/<image:image>/g)).toHaveLength(2);
  });

  it('read every story’s images in one query, by slug, in order of path; a story without any is absent', async () => {
    expect(await getStoryImages(['no-pictures', 'ice-shelf', 'unknown', 'ice-shelf'])).toEqual(
      new Map([['ice-shelf', ['/images/samples/ferry-yard.jpg', '/images/samples/ice-shelf.jpg']]]),
    );
    expect(await getStoryImages([])).toEqual(new Map());
  });

  it('list them in the parts of a split sitemap too', async () => {
    vi.stubEnv('SITEMAP_MAX_URLS', '1');
    const parts = await Promise.all([1, 2].map(async (n) => (await sitemapPartResponse(`${n}.xml`)).text()));
    for (const xml of parts) expect(validateXml(xml, 'sitemap').output).toMatch(/validates/);
    expect(urlOf(parts[0]!, 'ice-shelf')).toContain(IMAGES);
    expect(urlOf(parts[1]!, 'no-pictures')).not.toContain('<image:image>');
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
