import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import sharp from 'sharp';
import { lastModifiedAt } from '../../lib/content/last-modified';
import { getPublicAuthorIds, getPublishedStories, getSections } from '../../lib/content/queries';
import { slugify } from '../../lib/content/slug';
import { jsonFeedSchema } from '../../lib/feeds/json-feed';
import { checkWellFormed, validateXml } from '../../lib/seo/xsd/validate';
import { expect, test } from '../fixtures';
import { paths } from '../../lib/urls';
import { SEED_PATH } from '../support/seed';
import { SITE, imageLocsIn, jsonLdIn, linkHref, locsIn, metaValues, pngSize, served, sitemapEntry } from '../support/seo';

const SEED = SEED_PATH;
const IMAGE_STORY = '/articles/port-calder-shipyard-electric-ferries';
const seedLines = readFileSync(path.join(__dirname, '..', 'fixtures', 'seed-story.txt'), 'utf8')
  .trim()
  .split('\n');
const OFFSET_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/;

/** What a feed must say of a picture under public/: its original's URL, its type by its bytes (sharp reads them), its size. */
async function pictureFile(src: string) {
  const file = path.join(__dirname, '..', '..', 'public', src);
  const { format } = await sharp(file).metadata();
  return { url: `${SITE}${src}`, type: `image/${format}`, length: statSync(file).size };
}

// These check what the server sends, not how it looks: one viewport is enough.
// eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern for the fixtures argument; this hook uses none
test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'request-level checks run in the desktop project only');
});

type Thing = Record<string, unknown>;
const ofType = (things: Thing[], type: string) => things.filter((t) => t['@type'] === type);

test.describe('structured data and metadata', () => {
  test('the seed story has a NewsArticle with every property Google asks for', async ({ page, request, baseURL }) => {
    await page.goto(SEED);
    const html = await page.content();
    const scripts = await page.locator('script[type="application/ld+json"]').allTextContents();
    const things = scripts.map((s) => JSON.parse(s) as Thing);
    const [story] = ofType(things, 'NewsArticle');
    expect(story, 'one NewsArticle').toBeDefined();
    expect(ofType(things, 'NewsArticle')).toHaveLength(1);
    expect(story!['@context']).toBe('https://schema.org');

    const canonical = linkHref(html, 'canonical')[0];
    expect(canonical).toBe(`${SITE}${SEED}`);
    expect(story!.headline).toBe(await page.locator('h1').textContent());
    expect(story!.description).toBe(metaValues(html, 'description')[0]);
    expect(story!.description).toMatch(/^Belarus’s president backs Russia’s war/);
    expect(story!.datePublished).toBe('2023-02-18T09:00:00+00:00');
    expect(story!.dateModified).toBe('2023-02-18T09:00:00+00:00');
    expect(story!.datePublished).toMatch(OFFSET_DATE);
    expect(story!.dateModified).toMatch(OFFSET_DATE);
    expect(story!.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': canonical });
    expect(story!.url).toBe(canonical);
    expect(story!.articleSection).toBe('World');
    expect(story!.keywords).toEqual(['Russia', 'Belarus', 'Ukraine war', 'Diplomacy', 'Defence']);

    // One Person per author, the name alone in name, the author page as url (and it is that person's page).
    expect(story!.author).toEqual([{ '@type': 'Person', name: 'Mark Jones', url: `${SITE}/authors/mark-jones` }]);
    const authorPage = await request.get(served(`${SITE}/authors/mark-jones`, baseURL!));
    expect(authorPage.status()).toBe(200);
    const profile = ofType(jsonLdIn(await authorPage.text()), 'ProfilePage')[0]!;
    expect((profile.mainEntity as Thing).name).toBe('Mark Jones');

    const publisher = story!.publisher as Thing;
    expect(publisher).toMatchObject({ '@type': 'NewsMediaOrganization', name: 'News Rebeat', url: `${SITE}/` });
    const logo = await request.get(served((publisher.logo as Thing).url as string, baseURL!));
    expect(logo.headers()['content-type']).toBe('image/png');
    expect(pngSize(await logo.body())).toEqual({ width: 512, height: 512 });

    // No image of its own: the generated share card, absolute, a 1200x630 PNG.
    expect(story!.image).toEqual([`${SITE}${SEED}/opengraph-image/card`]);
    const card = await request.get(served((story!.image as string[])[0]!, baseURL!));
    expect(card.status()).toBe(200);
    expect(pngSize(await card.body())).toEqual({ width: 1200, height: 630 });

    const [crumbs] = ofType(things, 'BreadcrumbList');
    expect(crumbs!.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'News Rebeat', item: `${SITE}/` },
      { '@type': 'ListItem', position: 2, name: 'World', item: `${SITE}/world` },
      { '@type': 'ListItem', position: 3, name: story!.headline, item: canonical },
    ]);
  });

  test('a story with an image offers it at 16:9, 4:3 and 1:1, each with its size and credit', async ({ request, baseURL }) => {
    const html = await (await request.get(IMAGE_STORY)).text();
    const [story] = ofType(jsonLdIn(html), 'NewsArticle');
    type Picture = { '@type': string; url: string; width: { value: number }; height: { value: number }; creditText: string };
    const images = story!.image as Picture[];
    // The share crops the content index made (ADR 0016): one folder per picture and focus, 1200 px JPEGs.
    const key = /\/media\/([0-9a-f]{16})\//.exec(images[0]!.url)?.[1];
    expect(key).toBeDefined();
    expect(images.map((i) => [i['@type'], i.url, i.creditText])).toEqual(
      ['16x9', '4x3', '1x1'].map((r) => ['ImageObject', `${SITE}/media/${key}/${r}-1200.jpg`, 'Illustration for News Rebeat']),
    );
    const ratios = [];
    for (const image of images) {
      const response = await request.get(served(image.url, baseURL!));
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toBe('image/jpeg');
      expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
      const { width, height } = await sharp(await response.body()).metadata();
      // The size the structured data gives is the size served.
      expect([width, height]).toEqual([image.width.value, image.height.value]);
      // Google asks for large images: at least 50,000 pixels, and 1200 px wide where it can.
      expect(width * height).toBeGreaterThan(50_000);
      ratios.push(width / height);
    }
    expect(ratios).toEqual([16 / 9, 4 / 3, 1]);
  });

  test('the rendition route refuses other ratios, keys and paths outside its folder', async ({ request }) => {
    for (const path of [
      '/media/16x9/images/samples/ferry-yard.jpg',
      '/media/0123456789abcdef/16x9-1200.jpg',
      '/media/0123456789abcdef/2x1-1200.jpg',
      '/media/0123456789abcdef/%2E%2E/package.json',
    ])
      expect((await request.get(path)).status(), path).toBe(404);
  });

  test('the seed story page has canonical, robots, OpenGraph article, Twitter card and feed links', async ({ request, baseURL }) => {
    const html = await (await request.get(SEED)).text();
    expect(html).toMatch(/<title>Putin and Lukashenko discuss [^<]+ \| News Rebeat<\/title>/);
    expect(linkHref(html, 'canonical')).toEqual([`${SITE}${SEED}`]);
    expect(metaValues(html, 'robots')[0]).toMatch(/index, follow, max-image-preview:large/);
    expect(metaValues(html, 'og:type')).toEqual(['article']);
    expect(metaValues(html, 'og:url')).toEqual([`${SITE}${SEED}`]);
    expect(metaValues(html, 'article:published_time')).toEqual(['2023-02-18T09:00:00+00:00']);
    expect(metaValues(html, 'article:modified_time')).toEqual(['2023-02-18T09:00:00+00:00']);
    expect(metaValues(html, 'article:author')).toEqual([`${SITE}/authors/mark-jones`]);
    expect(metaValues(html, 'article:section')).toEqual(['World']);
    expect(metaValues(html, 'article:tag')).toEqual(['Russia', 'Belarus', 'Ukraine war', 'Diplomacy', 'Defence']);
    expect(metaValues(html, 'twitter:card')).toEqual(['summary_large_image']);
    expect(linkHref(html, 'alternate', 'application/rss+xml')).toEqual([`${SITE}/feed.xml`, `${SITE}/world/feed.xml`]);
    expect(linkHref(html, 'alternate', 'application/atom+xml')).toEqual([`${SITE}/atom.xml`, `${SITE}/world/atom.xml`]);
    expect(linkHref(html, 'alternate', 'application/feed+json')).toEqual([`${SITE}/feed.json`, `${SITE}/world/feed.json`]);

    const [ogImage] = metaValues(html, 'og:image');
    expect(ogImage).toMatch(new RegExp(`^${SITE}${SEED}/opengraph-image/card`));
    expect(metaValues(html, 'og:image:width')).toEqual(['1200']);
    expect(metaValues(html, 'og:image:height')).toEqual(['630']);
    expect(metaValues(html, 'twitter:image')).toEqual([ogImage]);
    const image = await request.get(served(ogImage!, baseURL!));
    expect(image.headers()['content-type']).toBe('image/png');
    expect(pngSize(await image.body())).toEqual({ width: 1200, height: 630 });
  });

  test('the front page has the WebSite and the organization, and OpenGraph website', async ({ request, baseURL }) => {
    const html = await (await request.get('/')).text();
    const things = jsonLdIn(html);
    const [website] = ofType(things, 'WebSite');
    const [org] = ofType(things, 'NewsMediaOrganization');
    expect(website).toMatchObject({ name: 'News Rebeat', url: `${SITE}/`, publisher: { '@id': org!['@id'] } });
    // The site search, for search engines' sitelinks search box.
    expect(website!.potentialAction).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${SITE}/search?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    });
    expect(org).toMatchObject({ name: 'News Rebeat', url: `${SITE}/`, logo: { url: `${SITE}/logo.png` } });
    expect(metaValues(html, 'og:type')).toEqual(['website']);
    expect(metaValues(html, 'robots')[0]).toContain('max-image-preview:large');
    expect(linkHref(html, 'alternate', 'application/rss+xml')).toEqual([`${SITE}/feed.xml`]);
    const [ogImage] = metaValues(html, 'og:image');
    expect(pngSize(await (await request.get(served(ogImage!, baseURL!))).body())).toEqual({ width: 1200, height: 630 });
  });

  test('section and author pages are OpenGraph websites with the site card; authors have a ProfilePage', async ({ request, baseURL }) => {
    const section = await (await request.get('/world')).text();
    expect(metaValues(section, 'og:type')).toEqual(['website']);
    expect(linkHref(section, 'canonical')).toEqual([`${SITE}/world`]);
    expect(linkHref(section, 'alternate', 'application/rss+xml')).toContain(`${SITE}/world/feed.xml`);
    const [ogImage] = metaValues(section, 'og:image');
    expect(pngSize(await (await request.get(served(ogImage!, baseURL!))).body())).toEqual({ width: 1200, height: 630 });

    const author = await (await request.get('/authors/mark-jones')).text();
    expect(metaValues(author, 'og:type')).toEqual(['website']);
    const [profile] = ofType(jsonLdIn(author), 'ProfilePage');
    expect(profile).toMatchObject({
      url: `${SITE}/authors/mark-jones`,
      mainEntity: { '@type': 'Person', name: 'Mark Jones', url: `${SITE}/authors/mark-jones`, jobTitle: 'World reporter' },
    });
  });
});

test.describe('sitemaps and robots.txt', () => {
  test('/sitemap.xml lists every public page with lastmod and passes the sitemaps.org schema', async ({ request, baseURL }) => {
    const response = await request.get('/sitemap.xml');
    expect(response.headers()['content-type']).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    const result = validateXml(xml, 'sitemap');
    expect(result.output).toMatch(/validates/);
    expect(result.valid).toBe(true);

    const [stories, sections, authorIds] = await Promise.all([getPublishedStories(), getSections(), getPublicAuthorIds()]);
    const locs = locsIn(xml);
    const expected = [
      `${SITE}/`,
      ...sections.map((s) => `${SITE}/${s.id}`),
      ...[...new Set(stories.flatMap((a) => a.tags).map((t) => `${SITE}/tags/${slugify(t)}`))],
      ...authorIds.map((id) => `${SITE}/authors/${id}`),
      ...stories.map((a) => `${SITE}${paths.storyPage(a)}`),
    ];
    expect(new Set(locs)).toEqual(new Set(expected));
    expect(locs).toHaveLength(expected.length);
    for (const story of stories) {
      // A story's images, if any, follow its lastmod (checked below).
      expect(xml).toContain(`<url><loc>${SITE}${paths.storyPage(story)}</loc><lastmod>${lastModifiedAt(story)}</lastmod>`);
    }
    // Every listed page exists.
    for (const loc of locs.filter((l) => !l.includes('/tags/'))) {
      expect((await request.get(loc.slice(SITE.length) || '/')).status(), loc).toBe(200);
    }

    // Google's image extension: a story's pictures at their originals' addresses, each of which loads;
    // the seed story has none, so its entry has none.
    expect(imageLocsIn(sitemapEntry(xml, `${SITE}/articles/lake-oren-singing-ice-shelf`) ?? '')).toContain(
      `${SITE}/images/samples/ice-shelf.jpg`,
    );
    expect(sitemapEntry(xml, `${SITE}${SEED}`)).toBe(
      `<url><loc>${SITE}${SEED}</loc><lastmod>${lastModifiedAt(stories.find((s) => paths.storyPage(s) === SEED)!)}</lastmod></url>`,
    );
    for (const story of stories.filter((s) => s.image)) {
      expect(imageLocsIn(sitemapEntry(xml, `${SITE}${paths.storyPage(story)}`) ?? '')[0]).toBe(`${SITE}${story.image!.src}`);
    }
    for (const image of new Set(imageLocsIn(xml))) {
      const response = await request.get(served(image, baseURL!));
      expect(response.status(), image).toBe(200);
      expect(response.headers()['content-type'], image).toMatch(/^image\//);
    }
  });

  test('/news-sitemap.xml is a Google News sitemap of the last 48 hours only', async ({ request }) => {
    const response = await request.get('/news-sitemap.xml');
    expect(response.headers()['content-type']).toBe('application/xml; charset=utf-8');
    const xml = await response.text();
    expect(checkWellFormed(xml).valid).toBe(true);
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    // Every repository story is older than two days, so none may be listed (a fresh story is
    // checked, and the schema validated, in e2e/server/seo-visibility.spec.ts).
    const dates = [...xml.matchAll(/<news:publication_date>([^<]+)</g)].map((m) => Date.parse(m[1]!));
    expect(dates.every((d) => Date.now() - d <= 48 * 3600_000)).toBe(true);
    const recent = (await getPublishedStories()).filter((a) => Date.now() - Date.parse(a.publishedAt) <= 48 * 3600_000);
    expect(locsIn(xml)).toHaveLength(recent.length);
  });

  test('/robots.txt allows crawling and names both sitemaps', async ({ request }) => {
    const text = await (await request.get('/robots.txt')).text();
    expect(text).toMatch(/User-Agent: \*\nAllow: \//);
    expect(text).not.toMatch(/Disallow: \/\s*$/m);
    expect(text).toContain(`Sitemap: ${SITE}/sitemap.xml`);
    expect(text).toContain(`Sitemap: ${SITE}/news-sitemap.xml`);
  });

  test('a sitemap part does not exist while the site fits one file', async ({ request }) => {
    expect((await request.get('/sitemaps/1.xml')).status()).toBe(404);
  });
});

test.describe('feeds', () => {
  const feeds: { path: string; type: string; format: 'rss' | 'atom'; section?: string }[] = [
    { path: '/feed.xml', type: 'application/rss+xml; charset=utf-8', format: 'rss' },
    { path: '/atom.xml', type: 'application/atom+xml; charset=utf-8', format: 'atom' },
    { path: '/world/feed.xml', type: 'application/rss+xml; charset=utf-8', format: 'rss', section: 'world' },
    { path: '/world/atom.xml', type: 'application/atom+xml; charset=utf-8', format: 'atom', section: 'world' },
  ];

  for (const feed of feeds) {
    test(`${feed.path} parses and carries every public story${feed.section ? ' of its section' : ''} in full`, async ({ request }) => {
      const response = await request.get(feed.path);
      expect(response.headers()['content-type']).toBe(feed.type);
      const xml = await response.text();
      expect(checkWellFormed(xml).output).toBe('');
      const parsed = parseFeed(xml);
      expect(parsed.meta.type).toBe(feed.format);
      expect(parsed.self).toBe(`${SITE}${feed.path}`);

      const expected = (await getPublishedStories()).filter((a) => !feed.section || a.section === feed.section).slice(0, 50);
      expect(parsed.items.map((i) => i.url)).toEqual(expected.map((a) => `${SITE}${paths.storyPage(a)}`));
      if (feed.format === 'rss') {
        const modified = [...xml.matchAll(/<dcterms:modified>([^<]+)<\/dcterms:modified>/g)].map((m) => Date.parse(m[1]!));
        // Corrections and updates count (lastModifiedAt), so a corrected story is not "unchanged".
        expect(modified).toEqual(expected.map((a) => Date.parse(lastModifiedAt(a))));
      }
      for (const [i, item] of parsed.items.entries()) {
        const story = expected[i]!;
        expect(item.title).toBe(story.title);
        expect(item.id).toBe(`${SITE}${paths.storyPage(story)}`);
        expect(item.published?.getTime()).toBe(Date.parse(story.publishedAt));
        // RSS 2.0 items have no update date: ours carry dcterms:modified, checked below.
        if (feed.format !== 'rss') expect(item.updated?.getTime()).toBe(Date.parse(lastModifiedAt(story)));
        expect(item.authors.length).toBe(story.authors.length);
        expect(item.authors.every((a) => a.name && !a.name.includes('@'))).toBe(true);
        expect(item.description).toBe(story.dek);
        expect(item.content?.length).toBeGreaterThan(200);
        // The picture as an enclosure (Atom's link, RSS's own): the original, its real type and byte length.
        if (story.image) {
          const picture = await pictureFile(story.image.src);
          expect(item.media[0]).toMatchObject({ url: picture.url, mimeType: picture.type, length: picture.length });
        }
      }
      const seed = parsed.items.find((i) => i.url === `${SITE}${SEED}`);
      if (!feed.section || feed.section === 'world') {
        expect(seed?.authors.map((a) => a.name)).toEqual(['Mark Jones']);
        // The full story, every sentence verbatim, typographic quotes included.
        for (const line of seedLines.slice(0, 10)) expect(seed!.content).toContain(line);
      }
    });
  }

  for (const feedPath of ['/feed.json', '/world/feed.json']) {
    test(`${feedPath} is JSON Feed 1.1 with full HTML`, async ({ request, baseURL }) => {
      const response = await request.get(feedPath);
      expect(response.headers()['content-type']).toBe('application/feed+json; charset=utf-8');
      const feed = jsonFeedSchema.parse(await response.json());
      expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
      expect(feed.feed_url).toBe(`${SITE}${feedPath}`);
      const section = feedPath.startsWith('/world') ? 'world' : undefined;
      const expected = (await getPublishedStories()).filter((a) => !section || a.section === section).slice(0, 50);
      expect(feed.items.map((i) => i.id)).toEqual(expected.map((a) => `${SITE}${paths.storyPage(a)}`));
      for (const [i, item] of feed.items.entries()) {
        const image = expected[i]!.image;
        if (image) {
          const picture = await pictureFile(image.src);
          expect(item.image).toBe(picture.url);
          expect(item.attachments).toEqual([{ url: picture.url, mime_type: picture.type, size_in_bytes: picture.length }]);
        }
        expect(item.date_published).toMatch(OFFSET_DATE);
        expect(item.date_modified).toMatch(OFFSET_DATE);
        expect(item.authors?.length).toBeGreaterThan(0);
        expect(item.summary).toBeTruthy();
        expect(item.content_html).toMatch(/^<(p|figure)>/);
      }
      // Images inside feed HTML are absolute and load.
      for (const src of feed.items.flatMap((i) => [...i.content_html!.matchAll(/<img src="([^"]+)"/g)].map((m) => m[1]!))) {
        expect(src.startsWith(`${SITE}/`)).toBe(true);
        expect((await request.get(served(src, baseURL!))).status()).toBe(200);
      }
    });
  }

  test('an unknown section has no feed', async ({ request }) => {
    expect((await request.get('/nowhere/feed.xml')).status()).toBe(404);
  });
});

test('the site share card is a 1200x630 PNG', async ({ request }) => {
  const response = await request.get('/opengraph-image');
  expect(response.headers()['content-type']).toBe('image/png');
  expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
});
