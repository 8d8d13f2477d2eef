import { copyFileSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Story, Author } from '@/lib/content/schema';
import { fixtureStory, fixtureAuthor, fixtureSections } from '@/lib/content/test-fixtures';
import { checkWellFormed } from '@/lib/seo/xsd/validate';
import { renderAtom } from './atom';
import { buildFeed } from './build-feed';
import { FEED_SIZE, rfc3339, rfc822 } from './feed';
import { jsonFeedSchema, renderJsonFeed } from './json-feed';
import { renderRss } from './rss';

const NOW = Date.parse('2024-06-01T00:00:00Z');
const authors = new Map<string, Author>([
  ['ana-ruiz', fixtureAuthor({ id: 'ana-ruiz', name: 'Ana Ruiz' })],
  ['bo-lind', fixtureAuthor({ id: 'bo-lind', name: 'Bo Lind' })],
]);
// Stand-in for the MDX renderer, so these tests are about the feed formats.
const renderHtml = (a: Story) => Promise.resolve(`<p>Body of ${a.slug} &amp; more</p>`);

const tricky = fixtureStory({
  slug: 'tricky',
  title: 'Rates & "rents" <rise> ]]> again',
  dek: 'Landlords’ costs & tenants’ <anger>.',
  tags: ['Housing & rent'],
  authors: ['ana-ruiz', 'bo-lind'],
  publishedAt: '2024-05-20T10:00+02:00',
  updatedAt: '2024-05-21T08:00:00+02:00',
  image: { src: '/images/rent.jpg', alt: 'Flats', width: 1600, height: 900 },
});
const stories = [
  tricky,
  fixtureStory({ slug: 'business-story', section: 'business', publishedAt: '2024-05-10T09:00:00Z' }),
  fixtureStory({
    slug: 'syndicated',
    publishedAt: '2024-05-01T09:00:00Z',
    source: { name: 'Agency' },
    canonicalUrl: 'https://agency.example/x',
  }),
  fixtureStory({ slug: 'sample', sample: true, publishedAt: '2024-04-01T09:00:00Z' }),
];

afterEach(() => vi.unstubAllEnvs());

const feed = () => buildFeed({ stories, authors, sections: fixtureSections, now: NOW, renderHtml });

describe('buildFeed', () => {
  // Which stories are public, and their order, is the content index's (lib/content/index/index.test.ts).
  it('writes the stories it is given, in order, with authors, categories and image', async () => {
    const f = await feed();
    expect(f.items.map((i) => i.url.split('/').pop())).toEqual(['tricky', 'business-story', 'syndicated', 'sample']);
    expect(f.items[0]).toMatchObject({
      id: 'http://localhost:3000/articles/tricky',
      summary: tricky.dek,
      published: '2024-05-20T10:00+02:00',
      updated: '2024-05-21T08:00:00+02:00',
      authors: [
        { name: 'Ana Ruiz', url: 'http://localhost:3000/authors/ana-ruiz' },
        { name: 'Bo Lind', url: 'http://localhost:3000/authors/bo-lind' },
      ],
      categories: ['World', 'Housing & rent'],
      // The original's address; /images/rent.jpg is no file under public/, so no type or size.
      image: { url: 'http://localhost:3000/images/rent.jpg' },
    });
    expect(f.items[0]!.image?.file).toBeUndefined();
    expect(f.items[2]!.externalUrl).toBe('https://agency.example/x');
    expect(f.updated).toBe('2024-05-21T08:00:00+02:00');
  });

  it('names a section feed after its section', async () => {
    const f = await buildFeed({
      stories: [stories[1]!],
      authors,
      sections: fixtureSections,
      section: fixtureSections[1],
      now: NOW,
      renderHtml,
    });
    expect(f.items.map((i) => i.id)).toEqual(['http://localhost:3000/articles/business-story']);
    expect(f.title).toBe('News Rebeat: Business');
    expect(f.urls.rss).toBe('http://localhost:3000/business/feed.xml');
  });

  it(`holds the newest ${FEED_SIZE}`, async () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      fixtureStory({ slug: `s-${i}`, publishedAt: new Date(NOW - i * 60_000).toISOString() }),
    );
    const f = await buildFeed({ stories: many, authors, sections: fixtureSections, now: NOW, renderHtml });
    expect(FEED_SIZE).toBe(50);
    expect(f.items).toHaveLength(50);
    expect(f.items[0]!.id).toMatch(/\/s-0$/);
    expect(f.items.at(-1)!.id).toMatch(/\/s-49$/);
  });
});

describe('RSS 2.0', () => {
  it('parses with a real feed parser: items, links, guids, dates, creators, categories, content', async () => {
    const xml = renderRss(await feed());
    expect(checkWellFormed(xml).valid).toBe(true);
    const parsed = parseFeed(xml);
    expect(parsed.meta.type).toBe('rss');
    expect(parsed.title).toBe('News Rebeat');
    expect(parsed.self).toBe('http://localhost:3000/feed.xml');
    expect(parsed.items).toHaveLength(4);
    const first = parsed.items[0]!;
    expect(first.title).toBe(tricky.title);
    expect(first.url).toBe('http://localhost:3000/articles/tricky');
    expect(first.id).toBe('http://localhost:3000/articles/tricky');
    expect(first.published?.toISOString()).toBe('2024-05-20T08:00:00.000Z');
    expect(first.authors.map((a) => a.name)).toEqual(['Ana Ruiz', 'Bo Lind']);
    expect(first.categories.map((c) => c.term)).toEqual(['World', 'Housing & rent']);
    expect(first.description).toBe(tricky.dek);
    expect(first.content).toContain('<p>Body of tricky');
  });

  it('has no <author> (RSS wants an e-mail there) and carries the update time', async () => {
    const xml = renderRss(await feed());
    expect(xml).not.toMatch(/<author>/);
    expect(xml).toContain('<dc:creator>Ana Ruiz</dc:creator><dc:creator>Bo Lind</dc:creator>');
    expect(xml).toContain('<pubDate>Mon, 20 May 2024 08:00:00 GMT</pubDate>');
    expect(xml).toContain('<dcterms:modified>2024-05-21T08:00:00+02:00</dcterms:modified>');
    expect(xml).toContain('<guid isPermaLink="true">http://localhost:3000/articles/tricky</guid>');
  });

  it('escapes markup and "]]>" so nothing in a story can break the document', async () => {
    const xml = renderRss(await feed());
    expect(xml).toContain('<title>Rates &amp; &quot;rents&quot; &lt;rise&gt; ]]&gt; again</title>');
    expect(xml).toContain('&lt;p&gt;Body of tricky &amp;amp; more&lt;/p&gt;');
    expect(xml).not.toContain('<![CDATA[');
  });
});

describe('Atom 1.0', () => {
  it('parses with a real feed parser: entries with ids, links, both dates, authors with pages, content', async () => {
    const xml = renderAtom(await feed());
    expect(checkWellFormed(xml).valid).toBe(true);
    const parsed = parseFeed(xml);
    expect(parsed.meta.type).toBe('atom');
    expect(parsed.self).toBe('http://localhost:3000/atom.xml');
    expect(parsed.url).toBe('http://localhost:3000/');
    expect(parsed.items).toHaveLength(4);
    const first = parsed.items[0]!;
    expect(first.id).toBe('http://localhost:3000/articles/tricky');
    expect(first.url).toBe('http://localhost:3000/articles/tricky');
    expect(first.title).toBe(tricky.title);
    expect(first.published?.toISOString()).toBe('2024-05-20T08:00:00.000Z');
    expect(first.updated?.toISOString()).toBe('2024-05-21T06:00:00.000Z');
    expect(first.authors).toEqual([
      { name: 'Ana Ruiz', url: 'http://localhost:3000/authors/ana-ruiz', email: null },
      { name: 'Bo Lind', url: 'http://localhost:3000/authors/bo-lind', email: null },
    ]);
    expect(first.description).toBe(tricky.dek);
    expect(first.content).toContain('<p>Body of tricky');
    // RFC 3339 needs seconds: front matter "10:00+02:00" is written "10:00:00+02:00".
    expect(xml).toContain('<published>2024-05-20T10:00:00+02:00</published>');
  });
});

describe('JSON Feed 1.1', () => {
  it('matches the 1.1 schema and carries authors (plural), dates, summary and HTML', async () => {
    const json: unknown = JSON.parse(renderJsonFeed(await feed()));
    const parsed = jsonFeedSchema.parse(json);
    expect(parsed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(parsed.feed_url).toBe('http://localhost:3000/feed.json');
    expect(parsed.items).toHaveLength(4);
    expect(parsed.items[0]).toMatchObject({
      id: 'http://localhost:3000/articles/tricky',
      title: tricky.title,
      summary: tricky.dek,
      content_html: '<p>Body of tricky &amp; more</p>',
      date_published: '2024-05-20T10:00:00+02:00',
      date_modified: '2024-05-21T08:00:00+02:00',
      authors: [{ name: 'Ana Ruiz' }, { name: 'Bo Lind' }],
      image: 'http://localhost:3000/images/rent.jpg',
    });
    // No file to read, so no attachment claiming a type or a size.
    expect(parsed.items[0]!.attachments).toBeUndefined();
    expect(parsed.items[2]!.external_url).toBe('https://agency.example/x');
    // 1.0's singular "author" is gone in 1.1.
    expect(JSON.stringify(json)).not.toMatch(/"author":/);
  });

  it('the schema rejects a 1.0 feed and an item without content', () => {
    expect(jsonFeedSchema.safeParse({ version: 'https://jsonfeed.org/version/1', title: 'x', items: [] }).success).toBe(false);
    expect(jsonFeedSchema.safeParse({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: [{ id: '1' }] }).success).toBe(false);
  });
});

describe('each story’s picture, with its real type and size', () => {
  const PUBLIC = path.join(process.cwd(), 'public');
  const sizeOf = (dir: string, src: string) => statSync(path.join(dir, src)).size;
  const pictured = (slug: string, src: string) =>
    fixtureStory({ slug, publishedAt: '2024-05-20T10:00:00Z', image: { src, alt: 'A picture', width: 512, height: 512 } });
  const feedOf = (list: Story[]) => buildFeed({ stories: list, authors, sections: fixtureSections, now: NOW, renderHtml });

  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it('a PNG is image/png and a JPEG image/jpeg, with their byte lengths, in Atom, RSS and JSON Feed', async () => {
    const f = await feedOf([pictured('logo', '/logo.png'), pictured('ice', '/images/samples/ice-shelf.jpg')]);
    const png = { url: 'http://localhost:3000/logo.png', type: 'image/png', length: sizeOf(PUBLIC, '/logo.png') };
    const jpeg = {
      url: 'http://localhost:3000/images/samples/ice-shelf.jpg',
      type: 'image/jpeg',
      length: sizeOf(PUBLIC, '/images/samples/ice-shelf.jpg'),
    };

    const atom = renderAtom(f);
    expect(atom).toContain(`<link rel="enclosure" type="image/png" length="${png.length}" href="${png.url}"/>`);
    expect(atom).toContain(`<link rel="enclosure" type="image/jpeg" length="${jpeg.length}" href="${jpeg.url}"/>`);
    const atomMedia = parseFeed(atom).items.map((i) => i.media.map((m) => ({ url: m.url, type: m.mimeType, length: m.length })));
    expect(atomMedia).toEqual([[png], [jpeg]]);

    const rss = renderRss(f);
    expect(checkWellFormed(rss).valid).toBe(true);
    expect(rss).toContain(`<enclosure url="${png.url}" length="${png.length}" type="image/png"/>`);
    expect(rss).toContain(`<media:content url="${png.url}" medium="image" type="image/png" fileSize="${png.length}"/>`);
    expect(rss).toContain(`<enclosure url="${jpeg.url}" length="${jpeg.length}" type="image/jpeg"/>`);
    expect(rss).toContain(`<media:content url="${jpeg.url}" medium="image" type="image/jpeg" fileSize="${jpeg.length}"/>`);
    // One enclosure per item, as RSS 2.0 allows.
    expect(rss.match(/<enclosure /g)).toHaveLength(2);
    const rssMedia = parseFeed(rss).items.map((i) => i.media.map((m) => ({ url: m.url, type: m.mimeType, length: m.length })));
    expect(rssMedia).toEqual([[png], [jpeg]]);

    const json = jsonFeedSchema.parse(JSON.parse(renderJsonFeed(f)));
    expect(json.items.map((i) => [i.image, i.attachments])).toEqual([
      [png.url, [{ url: png.url, mime_type: 'image/png', size_in_bytes: png.length }]],
      [jpeg.url, [{ url: jpeg.url, mime_type: 'image/jpeg', size_in_bytes: jpeg.length }]],
    ]);
  });

  it('goes by the file’s bytes: a PNG saved as .jpg is image/png', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'feed-public-'));
    mkdirSync(path.join(dir, 'images'));
    copyFileSync(path.join(PUBLIC, 'logo.png'), path.join(dir, 'images', 'mislabelled.jpg'));
    vi.stubEnv('PUBLIC_DIR', dir);
    const f = await feedOf([pictured('mislabelled', '/images/mislabelled.jpg')]);
    const length = sizeOf(dir, '/images/mislabelled.jpg');
    expect(renderAtom(f)).toContain(`<link rel="enclosure" type="image/png" length="${length}"`);
    expect(renderRss(f)).toContain(`type="image/png"/>`);
    expect(renderRss(f)).not.toContain('image/jpeg');
  });

  it('names no type or size for a picture whose file cannot be read, rather than guess', async () => {
    const f = await feedOf([pictured('missing', '/images/samples/missing.jpg')]);
    const url = 'http://localhost:3000/images/samples/missing.jpg';
    expect(renderAtom(f)).not.toContain('rel="enclosure"');
    const rss = renderRss(f);
    expect(rss).not.toContain('<enclosure');
    expect(rss).toContain(`<media:content url="${url}" medium="image"/>`);
    const json = jsonFeedSchema.parse(JSON.parse(renderJsonFeed(f)));
    expect(json.items[0]!.image).toBe(url);
    expect(json.items[0]!.attachments).toBeUndefined();
  });

  it('a story without a picture has none of it', async () => {
    const f = await feedOf([fixtureStory({ slug: 'plain' })]);
    expect(renderAtom(f)).not.toContain('enclosure');
    expect(renderRss(f)).not.toMatch(/<enclosure|<media:content/);
    expect(renderJsonFeed(f)).not.toMatch(/"image"|"attachments"/);
  });
});

describe('dates', () => {
  it('RFC 3339 adds missing seconds and keeps the offset; RFC 822 is in GMT', () => {
    expect(rfc3339('2024-05-20T10:00+02:00')).toBe('2024-05-20T10:00:00+02:00');
    expect(rfc3339('2024-05-20T10:00:05Z')).toBe('2024-05-20T10:00:05Z');
    expect(rfc822('2024-05-20T10:00:00+02:00')).toBe('Mon, 20 May 2024 08:00:00 GMT');
  });
});
