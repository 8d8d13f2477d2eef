import { describe, expect, it } from 'vitest';
import type { Article, Author, Section } from '@/lib/content/schema';
import { buildSearchIndex, recencyBoost, searchArticles, syncSearchIndex, type SearchContext } from './engine';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const daysAgo = (n: number) => new Date(NOW - n * 24 * 3600 * 1000).toISOString();

function story(slug: string, fields: Partial<Article> = {}): Article {
  return {
    slug,
    title: `Story ${slug}`,
    dek: 'A short standfirst.',
    section: 'world',
    tags: [],
    authors: ['ana-ruiz'],
    publishedAt: daysAgo(10),
    draft: false,
    sample: false,
    file: `content/articles/${slug}.mdx`,
    body: 'Plain words about nothing in particular.',
    wordCount: 6,
    ...fields,
  };
}

const sections: Section[] = [
  { id: 'world', name: 'World', description: 'World.' },
  { id: 'politics', name: 'Politics', description: 'Politics.' },
  { id: 'science', name: 'Science', description: 'Science.' },
];
const author = (id: string, name: string): [string, Author] => [id, { id, name, role: 'Reporter', bio: 'Bio.', sample: false, file: `${id}.yaml` }];
const context: SearchContext = { sections, authors: new Map([author('ana-ruiz', 'Ana Ruiz'), author('mark-jones', 'Mark Jones')]) };

const seed = story('putin-lukashenko-summit', {
  title: 'Putin and Lukashenko discuss Ukraine war and closer military ties at Novo-Ogaryovo summit',
  dek: 'Belarus’s president backs Russia’s war.',
  tags: ['Russia', 'Belarus'],
  authors: ['mark-jones'],
  publishedAt: '2023-02-18T09:00:00+00:00',
  body: 'Russian President Vladimir Putin and Belarusian President Alexander Lukashenko held a summit.\n\n<PullQuote cite="Mark Jones">Lukashenko noted that factories in Belarus made parts.</PullQuote>',
});

const slugs = (index: ReturnType<typeof buildSearchIndex>, query: string, extra: Parameters<typeof searchArticles>[1] = { query }) =>
  searchArticles(index, { now: NOW, ...extra, query }).hits.map((h) => h.article.slug);

describe('matching', () => {
  const index = buildSearchIndex([seed, story('other', { body: 'A ferry sailed to the island.' })], context);

  it('finds the seed story by a prefix ("Lukash") and by another spelling ("Lukashenka")', () => {
    expect(slugs(index, 'Lukash')).toEqual(['putin-lukashenko-summit']);
    expect(slugs(index, 'Lukashenka')).toEqual(['putin-lukashenko-summit']);
    expect(slugs(index, 'lukašenko')).toEqual(['putin-lukashenko-summit']);
  });


  it('searches tags, author names and section names too', () => {
    expect(slugs(index, 'Russia')).toContain('putin-lukashenko-summit');
    expect(slugs(index, 'Mark Jones')).toEqual(['putin-lukashenko-summit']);
    expect(slugs(index, 'world ferry')).toEqual(['other']);
  });

  it('does not index JSX tag names or attributes', () => {
    expect(slugs(index, 'PullQuote')).toEqual([]);
    expect(slugs(index, 'cite')).toEqual([]);
  });

  it('needs every word, but falls back to any word when no story has them all', () => {
    const outcome = searchArticles(index, { query: 'Putin ferry', now: NOW });
    expect(outcome.matchedAll).toBe(false);
    expect(outcome.hits.map((h) => h.article.slug).sort()).toEqual(['other', 'putin-lukashenko-summit']);
    expect(searchArticles(index, { query: 'Putin summit', now: NOW }).matchedAll).toBe(true);
  });

  it('does not stretch typos to short words', () => {
    expect(slugs(index, 'wax')).toEqual([]);
  });

  it('answers hostile input with no results rather than an error', () => {
    for (const query of ['(.*', '[', '\\', '<script>alert(1)</script>', '%00', '*'.repeat(5000), 'a'.repeat(5000), '', '   ']) {
      expect(() => searchArticles(index, { query, now: NOW })).not.toThrow();
    }
    expect(searchArticles(index, { query: '(.*', now: NOW }).total).toBe(0);
    expect(searchArticles(index, { query: '', now: NOW })).toMatchObject({ total: 0, terms: [], hits: [] });
  });
});

describe('ranking', () => {
  it('puts a headline match above a passing mention in the body, even when the mention is newer', () => {
    const index = buildSearchIndex(
      [
        story('mention', { publishedAt: daysAgo(0), body: 'Officials also discussed the glacier briefly, among many other matters of the week.' }),
        story('headline', { title: 'Glacier retreat doubles in a decade', publishedAt: daysAgo(3 * 365) }),
      ],
      context,
    );
    expect(slugs(index, 'glacier')).toEqual(['headline', 'mention']);
  });

  it('lifts a recent story above a slightly better match from last year', () => {
    const index = buildSearchIndex(
      [
        // The shorter headline is the closer match; the longer one is this week's news.
        story('last-year', { title: 'Harbour lights', publishedAt: daysAgo(400) }),
        story('this-week', { title: 'Harbour lights return to the bay', publishedAt: daysAgo(2) }),
      ],
      context,
    );
    expect(slugs(index, 'harbour lights')).toEqual(['this-week', 'last-year']);
    // Published on the same day, the closer match comes first.
    const sameDay = buildSearchIndex(
      [story('short', { title: 'Harbour lights', publishedAt: daysAgo(2) }), story('long', { title: 'Harbour lights return to the bay', publishedAt: daysAgo(2) })],
      context,
    );
    expect(slugs(sameDay, 'harbour lights')).toEqual(['short', 'long']);
  });

  it('puts the newer of two equally relevant stories first', () => {
    const same = { title: 'Harbour lights return', body: 'The lamps were switched on again.' };
    const index = buildSearchIndex(
      [story('old', { ...same, publishedAt: daysAgo(400) }), story('new', { ...same, publishedAt: daysAgo(2) })],
      context,
    );
    expect(slugs(index, 'harbour lights')).toEqual(['new', 'old']);
  });

  it('boosts recent stories more, never below 1', () => {
    expect(recencyBoost(NOW, NOW)).toBeCloseTo(1.5);
    expect(recencyBoost(NOW - 90 * 86_400_000, NOW)).toBeCloseTo(1.25);
    expect(recencyBoost(NOW - 10 * 365 * 86_400_000, NOW)).toBeGreaterThan(1);
    expect(recencyBoost(NOW + 86_400_000, NOW)).toBeCloseTo(1.5);
  });

  it('ranks an exact word above a typo-tolerant neighbour', () => {
    const index = buildSearchIndex(
      [story('near', { title: 'Border markets reopen' }), story('exact', { title: 'Boarder markets reopen' })],
      context,
    );
    expect(slugs(index, 'boarder')).toEqual(['exact', 'near']);
  });
});

describe('filtering and pages', () => {
  const many = Array.from({ length: 23 }, (_, i) =>
    story(`flood-${String(i).padStart(2, '0')}`, {
      title: `Flood report ${i}`,
      section: i % 3 === 0 ? 'science' : 'world',
      // Same age for all: ties are broken by slug, so pages are stable.
      publishedAt: daysAgo(5),
    }),
  );
  const index = buildSearchIndex([...many, story('dry', { title: 'Dry spell' })], context);

  it('counts matches per section and filters by one', () => {
    const all = searchArticles(index, { query: 'flood', now: NOW });
    expect(all.total).toBe(23);
    expect(Object.fromEntries(all.bySection)).toEqual({ science: 8, world: 15 });
    const science = searchArticles(index, { query: 'flood', section: 'science', now: NOW, perPage: 50 });
    expect(science.total).toBe(8);
    expect(science.hits.every((h) => h.article.section === 'science')).toBe(true);
    expect(Object.fromEntries(science.bySection)).toEqual({ science: 8, world: 15 });
  });

  it('splits results into pages that together list every match once, in a stable order', () => {
    const pages = [1, 2, 3].map((page) => searchArticles(index, { query: 'flood', page, perPage: 10, now: NOW }));
    expect(pages.map((p) => p.hits.length)).toEqual([10, 10, 3]);
    expect(pages[0]!.pageCount).toBe(3);
    const listed = pages.flatMap((p) => p.hits.map((h) => h.article.slug));
    expect(new Set(listed).size).toBe(23);
    expect(listed).toEqual(slugs(index, 'flood', { query: 'flood', perPage: 100 }));
    expect(slugs(index, 'flood', { query: 'flood', page: 2, perPage: 10 })).toEqual(pages[1]!.hits.map((h) => h.article.slug));
  });

  it('returns no hits, but the page count, for a page past the end or not a page at all', () => {
    for (const page of [4, 0, -1, 1.5, Number.MAX_SAFE_INTEGER]) {
      const outcome = searchArticles(index, { query: 'flood', page, perPage: 10, now: NOW });
      expect(outcome.hits).toEqual([]);
      expect(outcome).toMatchObject({ total: 23, pageCount: 3 });
    }
  });
});

describe('keeping the index current', () => {
  const a = story('alpha', { title: 'Alpha harbour opens' });
  const b = story('bravo', { title: 'Bravo bridge closes' });

  it('adds, replaces and removes only what changed, and then answers like a fresh build', () => {
    const index = buildSearchIndex([a, b], context);
    const edited = { ...b, title: 'Bravo tunnel closes' };
    const c = story('charlie', { title: 'Charlie tunnel floods' });
    expect(syncSearchIndex(index, [edited, c], context)).toEqual({ added: 1, replaced: 1, removed: 1 });
    const fresh = buildSearchIndex([edited, c], context);
    for (const query of ['alpha', 'bridge', 'tunnel', 'harbour', 'charlie', 'closes']) {
      expect(slugs(index, query)).toEqual(slugs(fresh, query));
    }
    expect(slugs(index, 'tunnel').sort()).toEqual(['bravo', 'charlie']);
    expect(slugs(index, 'alpha')).toEqual([]);
    expect(slugs(index, 'bridge')).toEqual([]);
  });

  it('remembers a ranking for repeated searches, and forgets it when the index changes', () => {
    const index = buildSearchIndex([a, b], context);
    const first = searchArticles(index, { query: 'harbour', now: NOW });
    expect(index.rankings.size).toBe(1);
    // Reused: the same words on another page or in a section need no new ranking.
    expect(searchArticles(index, { query: 'Harbour', now: NOW + 1000, section: 'world' }).hits).toEqual(first.hits);
    expect(index.rankings.size).toBe(1);
    syncSearchIndex(index, [a, b, story('charlie', { title: 'Charlie harbour floods', publishedAt: daysAgo(0) })], context);
    expect(index.rankings.size).toBe(0);
    expect(slugs(index, 'harbour')).toEqual(['charlie', 'alpha']);
  });

  it('ranks afresh after a minute, so the recency boost stays current', () => {
    const index = buildSearchIndex([story('older', { title: 'Kiln', publishedAt: daysAgo(1) })], context);
    const first = searchArticles(index, { query: 'kiln', now: NOW }).hits[0]!.score;
    expect(searchArticles(index, { query: 'kiln', now: NOW + 30_000 }).hits[0]!.score).toBe(first);
    expect(searchArticles(index, { query: 'kiln', now: NOW + 30 * 86_400_000 }).hits[0]!.score).toBeLessThan(first);
    expect(searchArticles(index, { query: 'kiln', now: NOW, reuseRanking: false }).hits[0]!.score).toBe(first);
  });

  it('rebuilds itself once removed stories make up a quarter of it, answering as before', () => {
    const many = Array.from({ length: 120 }, (_, i) => story(`kiln-${i}`, { title: `Kiln number ${i}`, body: i % 2 ? 'Odd ferry.' : 'Even barge.' }));
    const index = buildSearchIndex(many, context);
    const kept = many.slice(0, 60);
    syncSearchIndex(index, kept, context);
    // 60 of 120 removed: compacted to the 60 that are left.
    expect(index.docs).toHaveLength(60);
    const fresh = buildSearchIndex(kept, context);
    for (const query of ['kiln', 'ferry', 'barge', 'number 7']) {
      expect(slugs(index, query, { query, perPage: 100 })).toEqual(slugs(fresh, query, { query, perPage: 100 }));
    }
  });

  it('keeps removed stories out of counts and scores before it rebuilds', () => {
    const index = buildSearchIndex([a, b, story('charlie', { title: 'Charlie harbour floods' })], context);
    syncSearchIndex(index, [a, story('charlie', { title: 'Charlie harbour floods' })], context);
    const fresh = buildSearchIndex([a, story('charlie', { title: 'Charlie harbour floods' })], context);
    expect(index.docs.length).toBeGreaterThan(index.entries.size); // not compacted: few removals
    const mine = searchArticles(index, { query: 'harbour', now: NOW }).hits.map((h) => [h.article.slug, h.score]);
    const theirs = searchArticles(fresh, { query: 'harbour', now: NOW }).hits.map((h) => [h.article.slug, h.score]);
    expect(mine).toEqual(theirs);
  });

  it('does nothing when nothing changed', () => {
    const index = buildSearchIndex([a, b], context);
    expect(syncSearchIndex(index, [a, b], context)).toEqual({ added: 0, replaced: 0, removed: 0 });
  });

  it("re-indexes an author's stories when the author's name changes", () => {
    const index = buildSearchIndex([a, b], context);
    const renamed: SearchContext = { sections, authors: new Map([author('ana-ruiz', 'Ana Ruiz-Okafor')]) };
    expect(syncSearchIndex(index, [a, b], renamed)).toEqual({ added: 0, replaced: 2, removed: 0 });
    expect(slugs(index, 'Okafor').sort()).toEqual(['alpha', 'bravo']);
  });
});
