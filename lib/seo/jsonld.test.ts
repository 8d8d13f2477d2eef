import { afterEach, describe, expect, it, vi } from 'vitest';
import { storyBreadcrumbs, breadcrumbJsonLd, frontPageJsonLd, newsArticleJsonLd, profilePageJsonLd, serializeJsonLd } from './jsonld';
import { fixtureStory, fixtureAuthor, fixtureSections } from '@/lib/content/test-fixtures';

const world = fixtureSections[0]!;
const ana = fixtureAuthor({ id: 'ana-ruiz', name: 'Ana Ruiz' });
const bo = fixtureAuthor({ id: 'bo-lind', name: 'Bo Lind' });

afterEach(() => vi.unstubAllEnvs());

describe('newsArticleJsonLd', () => {
  const story = fixtureStory({
    slug: 'harbour-lights',
    title: 'Harbour lights return',
    dek: 'The lamps are back.',
    tags: ['Harbours', 'Port Calder'],
    authors: ['ana-ruiz', 'bo-lind'],
    publishedAt: '2024-05-01T10:00:00+02:00',
    updatedAt: '2024-05-02T08:15:00+02:00',
    dateline: 'Port Calder',
    wordCount: 420,
    image: {
      src: '/images/harbour.jpg',
      alt: 'The harbour',
      width: 1600,
      height: 900,
      caption: 'The lamps at dusk.',
      credit: 'Photo: Ana Ruiz/Harbour Agency',
      copyrightNotice: '© 2024 Harbour Agency',
      license: 'https://harbour.example/licence',
      acquireLicensePage: 'https://harbour.example/buy',
    },
  });

  it('describes the story with every property Google asks for', () => {
    vi.stubEnv('SITE_URL', 'https://news.example');
    const picture = { key: '0123456789abcdef', width: 1600, height: 900 };
    const data = newsArticleJsonLd({ story, authors: [ana, bo], section: world, picture });
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Harbour lights return',
      description: 'The lamps are back.',
      // Each share crop at its size, with who made it and how to license it (Google's image licence metadata).
      image: [
        ['16x9', 1200, 675],
        ['4x3', 1200, 900],
        ['1x1', 900, 900],
      ].map(([ratio, width, height]) => ({
        '@type': 'ImageObject',
        url: `https://news.example/media/0123456789abcdef/${ratio}-${width}.jpg`,
        contentUrl: `https://news.example/media/0123456789abcdef/${ratio}-${width}.jpg`,
        width: { '@type': 'QuantitativeValue', value: width, unitCode: 'E37' },
        height: { '@type': 'QuantitativeValue', value: height, unitCode: 'E37' },
        caption: 'The lamps at dusk.',
        creditText: 'Photo: Ana Ruiz/Harbour Agency',
        copyrightNotice: '© 2024 Harbour Agency',
        license: 'https://harbour.example/licence',
        acquireLicensePage: 'https://harbour.example/buy',
      })),
      datePublished: '2024-05-01T10:00:00+02:00',
      dateModified: '2024-05-02T08:15:00+02:00',
      author: [
        { '@type': 'Person', name: 'Ana Ruiz', url: 'https://news.example/authors/ana-ruiz' },
        { '@type': 'Person', name: 'Bo Lind', url: 'https://news.example/authors/bo-lind' },
      ],
      publisher: {
        '@type': 'NewsMediaOrganization',
        '@id': 'https://news.example/#organization',
        name: 'News Rebeat',
        url: 'https://news.example/',
        logo: {
          '@type': 'ImageObject',
          url: 'https://news.example/logo.png',
          width: { '@type': 'QuantitativeValue', value: 512, unitCode: 'E37' },
          height: { '@type': 'QuantitativeValue', value: 512, unitCode: 'E37' },
        },
      },
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://news.example/articles/harbour-lights' },
      url: 'https://news.example/articles/harbour-lights',
      articleSection: 'World',
      keywords: ['Harbours', 'Port Calder'],
      inLanguage: 'en',
      isAccessibleForFree: true,
      wordCount: 420,
      dateline: 'Port Calder',
    });
  });

  it('uses the generated share card when the story has no image, and the publication date when never updated', () => {
    const data = newsArticleJsonLd({ story: { ...story, image: undefined, updatedAt: undefined }, authors: [ana] });
    expect(data.image).toEqual(['http://localhost:3000/articles/harbour-lights/opengraph-image/card']);
    expect(data.dateModified).toBe('2024-05-01T10:00:00+02:00');
  });

  it('points syndicated copy at its original', () => {
    const syndicated = {
      ...story,
      source: { name: 'Agency', url: 'https://agency.example/x' },
      canonicalUrl: 'https://agency.example/x',
    };
    const data = newsArticleJsonLd({ story: syndicated, authors: [ana] });
    expect(data.mainEntityOfPage).toEqual({ '@type': 'WebPage', '@id': 'https://agency.example/x' });
    expect(data.url).toBe('https://agency.example/x');
    expect(data.isBasedOn).toBe('https://agency.example/x');
  });
});

describe('other structured data', () => {
  it('breadcrumbs run home > section > story with positions from 1', () => {
    const story = fixtureStory({ slug: 'x', title: 'X marks it' });
    expect(breadcrumbJsonLd(storyBreadcrumbs(story, world))).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'News Rebeat', item: 'http://localhost:3000/' },
        { '@type': 'ListItem', position: 2, name: 'World', item: 'http://localhost:3000/world' },
        { '@type': 'ListItem', position: 3, name: 'X marks it', item: 'http://localhost:3000/articles/x' },
      ],
    });
  });

  it('an author page is a ProfilePage about a Person', () => {
    const data = profilePageJsonLd(fixtureAuthor({ id: 'ana-ruiz', name: 'Ana Ruiz', role: 'Harbour reporter', bio: 'Ana reports.' }), 3);
    expect(data['@type']).toBe('ProfilePage');
    expect(data.mainEntity).toMatchObject({
      '@type': 'Person',
      name: 'Ana Ruiz',
      url: 'http://localhost:3000/authors/ana-ruiz',
      jobTitle: 'Harbour reporter',
      description: 'Ana reports.',
      worksFor: { '@type': 'NewsMediaOrganization', name: 'News Rebeat' },
      agentInteractionStatistic: { userInteractionCount: 3 },
    });
  });

  it('the front page has the WebSite and the organization, linked by @id', () => {
    const graph = frontPageJsonLd();
    const [website, org] = graph['@graph'] as unknown as [Record<string, unknown>, Record<string, unknown>];
    expect(website['@type']).toBe('WebSite');
    expect(org['@type']).toBe('NewsMediaOrganization');
    expect(website.publisher).toEqual({ '@id': org['@id'] });
    expect(org.logo).toMatchObject({ url: 'http://localhost:3000/logo.png' });
  });
});

describe('serializeJsonLd', () => {
  it('escapes every "<" so story text cannot close the script element, and stays the same JSON', () => {
    const data = { headline: 'Bad </script><script>alert(1)</script> <!-- news' };
    const text = serializeJsonLd(data);
    expect(text).not.toContain('<');
    expect(text).toContain('\\u003c/script>');
    expect(JSON.parse(text)).toEqual(data);
  });
});
