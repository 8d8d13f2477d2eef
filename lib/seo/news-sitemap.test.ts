import { afterEach, describe, expect, it, vi } from 'vitest';
import { NEWS_MAX_STORIES, NEWS_WINDOW_MS, newsSitemapStories, renderNewsSitemap } from './news-sitemap';
import { fixtureStory } from '@/lib/content/test-fixtures';
import { validateXml } from './xsd/validate';

const NOW = Date.parse('2024-06-03T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW - h * 3600_000).toISOString();

afterEach(() => vi.unstubAllEnvs());

describe('newsSitemapArticles', () => {
  // Public stories, newest first, come from the content index (lib/content/queries.ts getStoriesSince).
  it('keeps the canonical stories of the last 48 hours of the public ones it is given', () => {
    const stories = [
      fixtureStory({ slug: 'one-hour', publishedAt: hoursAgo(1) }),
      fixtureStory({ slug: 'two-hours', publishedAt: hoursAgo(2) }),
      fixtureStory({
        slug: 'syndicated',
        publishedAt: hoursAgo(3),
        source: { name: 'Agency' },
        canonicalUrl: 'https://agency.example/x',
      }),
      fixtureStory({ slug: 'edge', publishedAt: hoursAgo(48) }),
      fixtureStory({ slug: 'too-old', publishedAt: hoursAgo(48.01) }),
    ];
    expect(newsSitemapStories(stories, NOW).map((a) => a.slug)).toEqual(['one-hour', 'two-hours', 'edge']);
    expect(NEWS_WINDOW_MS).toBe(48 * 3600_000);
  });

  it('lists at most 1,000 stories, the newest', () => {
    const many = Array.from({ length: 1005 }, (_, i) =>
      fixtureStory({ slug: `s-${i}`, publishedAt: new Date(NOW - i * 60_000).toISOString() }),
    );
    const chosen = newsSitemapStories(many, NOW);
    expect(NEWS_MAX_STORIES).toBe(1000);
    expect(chosen).toHaveLength(1000);
    expect(chosen[0]!.slug).toBe('s-0');
    expect(chosen.at(-1)!.slug).toBe('s-999');
  });
});

describe('renderNewsSitemap', () => {
  it('gives each story publication name and language, date with offset and title, valid against the News schema', () => {
    const xml = renderNewsSitemap([
      fixtureStory({ slug: 'harbour', title: 'Harbour & docks: "<new>" rules', publishedAt: '2024-06-03T09:30:00+02:00' }),
    ]);
    expect(xml).toContain('<loc>http://localhost:3000/articles/harbour</loc>');
    expect(xml).toContain('<news:publication><news:name>News Rebeat</news:name><news:language>en</news:language></news:publication>');
    expect(xml).toContain('<news:publication_date>2024-06-03T09:30:00+02:00</news:publication_date>');
    expect(xml).toContain('<news:title>Harbour &amp; docks: &quot;&lt;new&gt;&quot; rules</news:title>');
    expect(validateXml(xml, 'news').output).toMatch(/validates/);
  });

  it('is an empty urlset when nothing is recent (well-formed; the sitemaps.org schema wants one url)', () => {
    const xml = renderNewsSitemap([]);
    expect(xml).toMatch(/<urlset[^>]*>\s*<\/urlset>/);
    expect(validateXml(xml, 'news').valid).toBe(false);
  });
});
