import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXED_PATHS, paths, ROUTE_PATTERNS, SITE_FEEDS, SITEMAPS } from './urls';

describe('paths', () => {
  it('names stories, listings and their later pages', () => {
    expect(paths.front()).toBe('/');
    expect(paths.story('harbour-plan')).toBe('/articles/harbour-plan');
    expect(paths.section('world')).toBe('/world');
    expect(paths.author('ines-okafor')).toBe('/authors/ines-okafor');
    expect(paths.tag('Ukraine war')).toBe('/tags/ukraine-war');
  });

  it('names each route pattern as a folder of app/ that holds a page', () => {
    for (const pattern of Object.values(ROUTE_PATTERNS)) {
      expect(existsSync(path.join(process.cwd(), 'app', pattern, 'page.tsx')), pattern).toBe(true);
    }
    expect(ROUTE_PATTERNS.tagLaterPages).toBe('/tags/[tag]/page/[page]');
  });

  it('keeps page 1 of a listing at its own address', () => {
    expect(paths.listingPage('/world', 1)).toBe('/world');
    expect(paths.listingPage('/world', 3)).toBe('/world/page/3');
    expect(paths.listingPage(paths.tag('Defence'), 2)).toBe('/tags/defence/page/2');
  });

  it('puts a section’s feeds under its address', () => {
    expect(paths.feed('rss')).toBe('/feed.xml');
    expect(paths.feed('atom', 'world')).toBe('/world/atom.xml');
    expect(paths.feed('json', 'world')).toBe('/world/feed.json');
    expect(SITE_FEEDS).toEqual(['/feed.xml', '/atom.xml', '/feed.json']);
  });

  it('leaves out search defaults, so every result page has one address', () => {
    expect(paths.search()).toBe('/search');
    expect(paths.search({ q: 'Lukash' })).toBe('/search?q=Lukash');
    expect(paths.search({ q: 'Lukash', page: 1 })).toBe('/search?q=Lukash');
    expect(paths.search({ q: 'putin summit', section: 'world', page: 2 })).toBe('/search?q=putin+summit&section=world&page=2');
    expect(paths.searchTemplate('term')).toBe('/search?q={term}');
  });

  it('names originals, crops, share cards and sitemaps', () => {
    expect(paths.image('/images/a.jpg')).toBe('/images/a.jpg');
    expect(paths.image('/images/café photo.jpg')).toBe('/images/caf%C3%A9%20photo.jpg');
    expect(paths.rendition('0123456789abcdef', '4x3-480.avif')).toBe('/media/0123456789abcdef/4x3-480.avif');
    expect(paths.siteShareImage()).toBe('/opengraph-image');
    expect(paths.storyShareImage('a')).toBe('/articles/a/opengraph-image/card');
    expect(paths.sitemapPart(3)).toBe('/sitemaps/3.xml');
    expect(SITEMAPS).toEqual(['/sitemap.xml', '/news-sitemap.xml']);
  });

  it('names preview addresses', () => {
    expect(paths.preview('/world')).toBe('/preview/world');
    expect(paths.liveEditor()).toBe('/preview/editor');
    expect(paths.previewExit('/articles/a?x=1')).toBe('/api/preview/exit?path=%2Farticles%2Fa%3Fx%3D1');
    expect(paths.previewCheck()).toBe('/api/preview/check');
  });

  it('lists the pages that exist whatever the content', () => {
    expect([...FIXED_PATHS].sort()).toEqual([
      '/',
      '/atom.xml',
      '/feed.json',
      '/feed.xml',
      '/news-sitemap.xml',
      '/robots.txt',
      '/search',
      '/sitemap.xml',
    ]);
  });
});
