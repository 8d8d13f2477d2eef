import { describe, expect, it } from 'vitest';
import { storyMetadata, feedAlternates, pageMetadata } from './metadata';
import { fixtureStory, fixtureAuthor, fixtureSections } from '@/lib/content/test-fixtures';

const world = fixtureSections[0]!;

describe('storyMetadata', () => {
  const story = fixtureStory({
    slug: 'harbour-lights',
    title: 'Harbour lights return',
    dek: 'The lamps are back.',
    tags: ['Harbours', 'Port Calder'],
    publishedAt: '2024-05-01T10:00:00+02:00',
    updatedAt: '2024-05-02T08:15:00+02:00',
  });

  it('gives an OpenGraph article with times, author pages, section and tags, and a large Twitter card', () => {
    const meta = storyMetadata(story, [fixtureAuthor({ id: 'ana-ruiz' })], world);
    expect(meta.title).toBe('Harbour lights return');
    expect(meta.description).toBe('The lamps are back.');
    expect(meta.alternates?.canonical).toBe('http://localhost:3000/articles/harbour-lights');
    expect(meta.openGraph).toMatchObject({
      type: 'article',
      publishedTime: '2024-05-01T10:00:00+02:00',
      modifiedTime: '2024-05-02T08:15:00+02:00',
      authors: ['http://localhost:3000/authors/ana-ruiz'],
      section: 'World',
      tags: ['Harbours', 'Port Calder'],
    });
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image', title: 'Harbour lights return' });
  });

  it('names the original as canonical for syndicated copy', () => {
    const meta = storyMetadata({ ...story, source: { name: 'Agency' }, canonicalUrl: 'https://agency.example/x' }, [], world);
    expect(meta.alternates?.canonical).toBe('https://agency.example/x');
    expect(meta.openGraph).toMatchObject({ url: 'https://agency.example/x' });
  });
});

describe('pageMetadata and feed links', () => {
  it('is an OpenGraph website with the site share card and canonical path', () => {
    const meta = pageMetadata({ title: 'World', description: 'The world.', path: '/world', section: world });
    expect(meta.alternates?.canonical).toBe('/world');
    expect(meta.openGraph).toMatchObject({
      type: 'website',
      url: '/world',
      images: [{ url: '/opengraph-image', width: 1200, height: 630 }],
    });
    expect(meta.twitter).toMatchObject({ card: 'summary_large_image' });
  });

  it('advertises the site feeds everywhere and a section feed on its section', () => {
    expect(feedAlternates()['application/rss+xml']).toEqual([{ url: '/feed.xml', title: 'News Rebeat' }]);
    expect(feedAlternates(world)).toEqual({
      'application/rss+xml': [
        { url: '/feed.xml', title: 'News Rebeat' },
        { url: '/world/feed.xml', title: 'News Rebeat: World' },
      ],
      'application/atom+xml': [
        { url: '/atom.xml', title: 'News Rebeat' },
        { url: '/world/atom.xml', title: 'News Rebeat: World' },
      ],
      'application/feed+json': [
        { url: '/feed.json', title: 'News Rebeat' },
        { url: '/world/feed.json', title: 'News Rebeat: World' },
      ],
    });
  });
});
