import { describe, expect, it } from 'vitest';
import type { Story } from '@/lib/content/schema';
import { slugify } from '@/lib/content/slug';
import { fixtureStory } from '@/lib/content/test-fixtures';
import { pageCount } from '@/lib/pagination';
import { STORY_ROUTE, LATER_PAGE_ROUTES, planRevalidation, type RevalidationIndex, type StoryRefs } from './affected';

const NOW = Date.parse('2024-06-01T12:00:00Z');

/** A public story with the fields a test names changed (lib/content/test-fixtures.ts). */
const story = (slug: string, fields: Partial<Story> = {}): Story =>
  fixtureStory({ slug, dek: 'Dek.', tags: [], publishedAt: '2024-05-01T10:00:00Z', text: '', wordCount: 1, ...fields });

const refsOf = (a: Story): StoryRefs => ({ sections: [a.section], tags: a.tags, authors: a.authors });

/** The index's answers, from plain lists: what is public now, where stories were listed, what broke. */
function memoryIndex(
  stories: Story[],
  history: Map<string, StoryRefs>,
  broken: Map<string, Story | undefined>,
  sitemapParts = 0,
): RevalidationIndex {
  const visible = stories.filter((a) => !a.draft && Date.parse(a.publishedAt) <= NOW);
  const bySlug = new Map(visible.map((a) => [a.slug, a]));
  return {
    publicStory: (slug) => (bySlug.has(slug) ? refsOf(bySlug.get(slug)!) : broken.get(slug) ? refsOf(broken.get(slug)!) : undefined),
    isBroken: (slug) => broken.has(slug),
    isKnown: (slug) => stories.some((a) => a.slug === slug) || broken.has(slug),
    listedUnder: (slug) => history.get(slug),
    storiesBy: (id, limit) =>
      visible
        .filter((a) => a.authors.includes(id))
        .map((a) => a.slug)
        .concat([...history].filter(([slug, r]) => r.authors.includes(id) && !bySlug.has(slug)).map(([slug]) => slug))
        .slice(0, limit),
    storiesSharing: ({ sections, tags }, limit) =>
      visible
        .filter((a) => sections.includes(a.section) || a.tags.some((t) => tags.map(slugify).includes(slugify(t))))
        .map((a) => a.slug)
        .slice(0, limit),
    listingPages: (kind, key) =>
      pageCount(
        visible.filter((a) =>
          kind === 'section' ? a.section === key : kind === 'tag' ? a.tags.map(slugify).includes(slugify(key)) : a.authors.includes(key),
        ).length,
      ),
    sitemapParts: () => sitemapParts,
    // A live story's updates are its text's paragraphs in these fakes: one page per 20.
    livePages: (slug) => {
      const live = bySlug.get(slug);
      return live?.live ? pageCount(live.wordCount, 20) : 0;
    },
  };
}
const GLOBAL = ['/', '/atom.xml', '/feed.json', '/feed.xml', '/news-sitemap.xml', '/sitemap.xml', '/sitemaps/1.xml'];

function plan(
  changes: Parameters<typeof planRevalidation>[0]['changes'],
  stories: Story[],
  history: [string, StoryRefs][] = [],
  broken: [string, { story?: Story }][] = [],
  sitemapParts = 0,
) {
  return planRevalidation({
    changes,
    index: memoryIndex(stories, new Map(history), new Map(broken.map(([slug, b]) => [slug, b.story])), sitemapParts),
  });
}

describe('planRevalidation', () => {
  const harbour = story('harbour', { section: 'business', tags: ['Port Calder', 'Ferries'], authors: ['ana-ruiz', 'ben-ode'] });
  const ferryNeighbour = story('ferry-yard', { section: 'science', tags: ['ferries'] });
  const sectionNeighbour = story('markets', { section: 'business' });
  const unrelated = story('faraway', { section: 'world', tags: ['Elsewhere'] });
  const all = [harbour, ferryNeighbour, sectionNeighbour, unrelated];

  it('maps a new or edited story to its page, section, tags, authors, lists, feeds, sitemaps and related stories', () => {
    const result = plan([{ kind: 'story', slug: 'harbour' }], all, [['harbour', refsOf(harbour)]]);
    expect(result.paths).toEqual(
      [
        ...GLOBAL,
        '/articles/harbour',
        '/articles/ferry-yard', // shares a tag (case-insensitive), so may list it as related
        '/articles/markets', // shares the section
        '/business',
        '/business/page/2', // one page past the last, in case a removal emptied it
        '/business/atom.xml',
        '/business/feed.json',
        '/business/feed.xml',
        '/tags/port-calder',
        '/tags/port-calder/page/2',
        '/tags/ferries',
        '/tags/ferries/page/2',
        '/authors/ana-ruiz',
        '/authors/ana-ruiz/page/2',
        '/authors/ben-ode',
        '/authors/ben-ode/page/2',
      ].sort(),
    );
    expect(result.paths).not.toContain('/articles/faraway');
    expect(result).toMatchObject({ everything: false, kept: [] });
  });

  it('also refreshes the pages a story left: its old section and tags', () => {
    const moved = story('harbour', { section: 'world', tags: ['Ferries'] });
    const result = plan(
      [{ kind: 'story', slug: 'harbour' }],
      [moved, ferryNeighbour, sectionNeighbour, unrelated],
      [['harbour', { sections: ['business', 'world'], tags: ['Port Calder', 'Ferries'], authors: ['ana-ruiz'] }]],
    );
    expect(result.paths).toEqual(
      expect.arrayContaining(['/business', '/world', '/tags/port-calder', '/tags/ferries', '/articles/faraway', '/articles/markets']),
    );
  });

  it('handles a deleted story through what the index knew of it', () => {
    const result = plan(
      [{ kind: 'story', slug: 'harbour' }],
      [ferryNeighbour, sectionNeighbour, unrelated],
      [['harbour', refsOf(harbour)]],
    );
    expect(result.paths).toEqual(
      expect.arrayContaining(['/articles/harbour', '/business', '/tags/port-calder', '/authors/ben-ode', ...GLOBAL]),
    );
  });

  it('reaches every later page of the listings a deleted story was in, every feed format and every sitemap part (issue 17, point 2)', () => {
    const business = Array.from({ length: 45 }, (_, i) => story(`business-${i}`, { section: 'business' }));
    const result = plan([{ kind: 'story', slug: 'harbour' }], business, [['harbour', refsOf(harbour)]], [], 3);
    // 45 stories left: 3 pages, and page 4, which the deleted story's removal emptied.
    expect(result.paths).toEqual(
      expect.arrayContaining(['/business/page/2', '/business/page/3', '/business/page/4', '/business/atom.xml', '/business/feed.json']),
    );
    expect(result.paths).not.toContain('/business/page/5');
    expect(result.paths.filter((p) => p.startsWith('/sitemaps/'))).toEqual([
      '/sitemaps/1.xml',
      '/sitemaps/2.xml',
      '/sitemaps/3.xml',
      '/sitemaps/4.xml',
    ]);
  });

  it('revalidates a long listing’s later pages as one route pattern', () => {
    const business = Array.from({ length: 1100 }, (_, i) => story(`business-${i}`, { section: 'business' }));
    const result = plan([{ kind: 'story', slug: 'harbour' }], business, [['harbour', refsOf(harbour)]]);
    expect(result.paths).toContain(LATER_PAGE_ROUTES.section);
    expect(result.paths.filter((p) => p.startsWith('/business/page/'))).toEqual([]);
    expect(result.paths).toContain('/tags/port-calder/page/2');
  });

  it('revalidates a long tag listing’s later pages by the tag route’s own pattern', () => {
    const tagged = Array.from({ length: 1100 }, (_, i) => story(`tagged-${i}`, { section: 'business', tags: ['Port Calder'] }));
    const result = plan([{ kind: 'story', slug: 'harbour' }], tagged, [['harbour', refsOf(harbour)]]);
    expect(result.paths).toContain('/tags/[tag]/page/[page]');
    expect(result.paths.filter((p) => p.startsWith('/tags/port-calder/page/'))).toEqual([]);
  });

  it('still refreshes the page and site lists of a deleted story it knows nothing about', () => {
    expect(plan([{ kind: 'story', slug: 'unknown' }], all).paths).toEqual([...GLOBAL, '/articles/unknown'].sort());
  });

  it('changes nothing for a draft or a story scheduled for later', () => {
    const draft = story('draft', { draft: true, section: 'business' });
    const scheduled = story('later', { publishedAt: '2024-07-01T00:00:00Z' });
    expect(
      plan(
        [
          { kind: 'story', slug: 'draft' },
          { kind: 'story', slug: 'later' },
        ],
        [...all, draft, scheduled],
      ).paths,
    ).toEqual([]);
  });

  it('keeps the last good page of a public story whose file broke, and still updates the lists it leaves', () => {
    const result = plan(
      [{ kind: 'story', slug: 'harbour' }],
      [ferryNeighbour, sectionNeighbour, unrelated],
      [['harbour', refsOf(harbour)]],
      [['harbour', { story: harbour }]],
    );
    expect(result.kept).toEqual(['harbour']);
    expect(result.paths).not.toContain('/articles/harbour');
    expect(result.paths).toEqual(expect.arrayContaining(['/', '/business', '/tags/port-calder']));
  });

  it('maps an author file to their page, their stories and feeds', () => {
    const result = plan([{ kind: 'author', id: 'ben-ode' }], all, [['harbour', refsOf(harbour)]]);
    expect(result.paths).toEqual([
      '/articles/harbour',
      '/atom.xml',
      '/authors/ben-ode',
      '/business/atom.xml',
      '/business/feed.json',
      '/business/feed.xml',
      '/feed.json',
      '/feed.xml',
    ]);
  });

  it('revalidates every page when the section list changes (it is in every page’s navigation)', () => {
    expect(plan([{ kind: 'sections' }], all).everything).toBe(true);
  });

  it('falls back to every story page when too many stories could list it as related', () => {
    const many = Array.from({ length: 250 }, (_, i) => story(`business-${i}`, { section: 'business' }));
    const result = plan([{ kind: 'story', slug: 'harbour' }], [harbour, ...many], [['harbour', refsOf(harbour)]]);
    expect(result.paths).toContain(STORY_ROUTE);
    expect(result.paths.filter((p) => p.startsWith('/articles/business-'))).toEqual([]);
  });
});

describe('planRevalidation of live coverage (ADR 0011)', () => {
  const live = story('storm-live', {
    section: 'world',
    tags: ['Storms'],
    authors: ['ana-ruiz'],
    wordCount: 45,
    live: { status: 'live', coverageStart: '2024-05-01T10:00:00Z' },
  });
  // Many stories share its section and tag: a story change would revalidate them as related.
  const neighbours = Array.from({ length: 30 }, (_, i) => story(`neighbour-${i}`, { section: 'world', tags: ['Storms'] }));

  it("revalidates an update's live pages (one more than there are) and the first page of its listings, not related stories", () => {
    const result = plan([{ kind: 'update', story: 'storm-live', id: 'bridge-closed' }], [live, ...neighbours]);
    expect(result.paths.sort()).toEqual(
      [
        '/',
        '/authors/ana-ruiz',
        '/live/storm-live',
        '/live/storm-live/page/2',
        '/live/storm-live/page/3',
        '/live/storm-live/page/4',
        '/live/storm-live/atom.xml',
        '/live/storm-live/feed.json',
        '/live/storm-live/feed.xml',
        '/live/storm-live/updates.json',
        '/tags/storms',
        '/world',
      ].sort(),
    );
    expect(result.paths).not.toContain(STORY_ROUTE);
    expect(result.everything).toBe(false);
  });

  it('leaves pages alone for an update of a story that is not live or not public', () => {
    const plain = story('plain', { section: 'world' });
    const scheduled = story('later-live', {
      publishedAt: '2099-01-01T00:00:00Z',
      live: { status: 'live', coverageStart: '2099-01-01T00:00:00Z' },
    });
    expect(plan([{ kind: 'update', story: 'plain', id: 'x' }], [plain]).paths).toEqual([]);
    expect(plan([{ kind: 'update', story: 'later-live', id: 'x' }], [scheduled]).paths).toEqual([]);
    expect(plan([{ kind: 'update', story: 'nowhere', id: 'x' }], []).paths).toEqual([]);
  });

  it('revalidates the live pages too when the live story itself changes', () => {
    const result = plan([{ kind: 'story', slug: 'storm-live' }], [live]);
    expect(result.paths).toEqual(expect.arrayContaining(['/live/storm-live', '/live/storm-live/page/3', '/articles/storm-live']));
  });
});
