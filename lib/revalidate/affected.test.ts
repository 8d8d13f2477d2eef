import { describe, expect, it } from 'vitest';
import type { Article } from '@/lib/content/schema';
import { slugify } from '@/lib/content/slug';
import { ARTICLE_ROUTE, planRevalidation, type RevalidationIndex, type StoryRefs } from './affected';

const NOW = Date.parse('2024-06-01T12:00:00Z');

function story(slug: string, fields: Partial<Article> = {}): Article {
  return {
    slug,
    title: `Story ${slug}`,
    dek: 'Dek.',
    section: 'world',
    tags: [],
    authors: ['ana-ruiz'],
    publishedAt: '2024-05-01T10:00:00Z',
    draft: false,
    sample: false,
    file: `content/articles/${slug}.mdx`,
    text: '',
    wordCount: 1,
    ...fields,
  };
}

const refsOf = (a: Article): StoryRefs => ({ sections: [a.section], tags: a.tags, authors: a.authors });

/** The index's answers, from plain lists: what is public now, where stories were listed, what broke. */
function memoryIndex(articles: Article[], history: Map<string, StoryRefs>, broken: Map<string, Article | undefined>): RevalidationIndex {
  const visible = articles.filter((a) => !a.draft && Date.parse(a.publishedAt) <= NOW);
  const bySlug = new Map(visible.map((a) => [a.slug, a]));
  return {
    publicStory: (slug) => (bySlug.has(slug) ? refsOf(bySlug.get(slug)!) : broken.get(slug) ? refsOf(broken.get(slug)!) : undefined),
    isBroken: (slug) => broken.has(slug),
    isKnown: (slug) => articles.some((a) => a.slug === slug) || broken.has(slug),
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
  };
}
const GLOBAL = ['/', '/atom.xml', '/feed.json', '/feed.xml', '/news-sitemap.xml', '/sitemap.xml'];

function plan(
  changes: Parameters<typeof planRevalidation>[0]['changes'],
  articles: Article[],
  history: [string, StoryRefs][] = [],
  broken: [string, { article?: Article }][] = [],
) {
  return planRevalidation({
    changes,
    index: memoryIndex(articles, new Map(history), new Map(broken.map(([slug, b]) => [slug, b.article]))),
  });
}

describe('planRevalidation', () => {
  const harbour = story('harbour', { section: 'business', tags: ['Port Calder', 'Ferries'], authors: ['ana-ruiz', 'ben-ode'] });
  const ferryNeighbour = story('ferry-yard', { section: 'science', tags: ['ferries'] });
  const sectionNeighbour = story('markets', { section: 'business' });
  const unrelated = story('faraway', { section: 'world', tags: ['Elsewhere'] });
  const all = [harbour, ferryNeighbour, sectionNeighbour, unrelated];

  it('maps a new or edited story to its page, section, tags, authors, lists, feeds, sitemaps and related stories', () => {
    const result = plan([{ kind: 'article', slug: 'harbour' }], all, [['harbour', refsOf(harbour)]]);
    expect(result.paths).toEqual(
      [
        ...GLOBAL,
        '/articles/harbour',
        '/articles/ferry-yard', // shares a tag (case-insensitive), so may list it as related
        '/articles/markets', // shares the section
        '/business',
        '/business/feed.xml',
        '/tags/port-calder',
        '/tags/ferries',
        '/authors/ana-ruiz',
        '/authors/ben-ode',
      ].sort(),
    );
    expect(result.paths).not.toContain('/articles/faraway');
    expect(result).toMatchObject({ everything: false, kept: [] });
  });

  it('also refreshes the pages a story left: its old section and tags', () => {
    const moved = story('harbour', { section: 'world', tags: ['Ferries'] });
    const result = plan(
      [{ kind: 'article', slug: 'harbour' }],
      [moved, ferryNeighbour, sectionNeighbour, unrelated],
      [['harbour', { sections: ['business', 'world'], tags: ['Port Calder', 'Ferries'], authors: ['ana-ruiz'] }]],
    );
    expect(result.paths).toEqual(
      expect.arrayContaining(['/business', '/world', '/tags/port-calder', '/tags/ferries', '/articles/faraway', '/articles/markets']),
    );
  });

  it('handles a deleted story through what the index knew of it', () => {
    const result = plan(
      [{ kind: 'article', slug: 'harbour' }],
      [ferryNeighbour, sectionNeighbour, unrelated],
      [['harbour', refsOf(harbour)]],
    );
    expect(result.paths).toEqual(
      expect.arrayContaining(['/articles/harbour', '/business', '/tags/port-calder', '/authors/ben-ode', ...GLOBAL]),
    );
  });

  it('still refreshes the page and site lists of a deleted story it knows nothing about', () => {
    expect(plan([{ kind: 'article', slug: 'unknown' }], all).paths).toEqual([...GLOBAL, '/articles/unknown'].sort());
  });

  it('changes nothing for a draft or a story scheduled for later', () => {
    const draft = story('draft', { draft: true, section: 'business' });
    const scheduled = story('later', { publishedAt: '2024-07-01T00:00:00Z' });
    expect(
      plan(
        [
          { kind: 'article', slug: 'draft' },
          { kind: 'article', slug: 'later' },
        ],
        [...all, draft, scheduled],
      ).paths,
    ).toEqual([]);
  });

  it('keeps the last good page of a public story whose file broke, and still updates the lists it leaves', () => {
    const result = plan(
      [{ kind: 'article', slug: 'harbour' }],
      [ferryNeighbour, sectionNeighbour, unrelated],
      [['harbour', refsOf(harbour)]],
      [['harbour', { article: harbour }]],
    );
    expect(result.kept).toEqual(['harbour']);
    expect(result.paths).not.toContain('/articles/harbour');
    expect(result.paths).toEqual(expect.arrayContaining(['/', '/business', '/tags/port-calder']));
  });

  it('maps an author file to their page, their stories and feeds', () => {
    const result = plan([{ kind: 'author', id: 'ben-ode' }], all, [['harbour', refsOf(harbour)]]);
    expect(result.paths).toEqual(['/articles/harbour', '/atom.xml', '/authors/ben-ode', '/business/feed.xml', '/feed.json', '/feed.xml']);
  });

  it('revalidates every page when the section list changes (it is in every page’s navigation)', () => {
    expect(plan([{ kind: 'sections' }], all).everything).toBe(true);
  });

  it('falls back to every article page when too many stories could list it as related', () => {
    const many = Array.from({ length: 250 }, (_, i) => story(`business-${i}`, { section: 'business' }));
    const result = plan([{ kind: 'article', slug: 'harbour' }], [harbour, ...many], [['harbour', refsOf(harbour)]]);
    expect(result.paths).toContain(ARTICLE_ROUTE);
    expect(result.paths.filter((p) => p.startsWith('/articles/business-'))).toEqual([]);
  });
});
