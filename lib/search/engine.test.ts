import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Story, Author, Section } from '@/lib/content/schema';
import { fixtureStory } from '@/lib/content/test-fixtures';
import { EXACT_LIMIT, recencyBoost, searchStories, type SearchRequest } from './engine';
import { forgetVocabulary, prefetchVocabulary } from './vocabulary';
import { createTestIndex, putStory, removeStory, searchNames, type TestIndex } from './test-index';

const NOW = Date.parse('2026-11-26T12:00:00Z');
const HOUR = 3600 * 1000;
const daysAgo = (n: number) => new Date(NOW - n * 24 * HOUR).toISOString();

/** A public story with the fields a test names changed (lib/content/test-fixtures.ts). */
const story = (slug: string, fields: Partial<Story> = {}): Story =>
  fixtureStory({
    slug,
    dek: 'A short standfirst.',
    tags: [],
    publishedAt: daysAgo(10),
    text: 'Plain words about nothing in particular.',
    wordCount: 6,
    ...fields,
  });

const sections: Section[] = [
  { id: 'world', name: 'World', description: 'World.' },
  { id: 'politics', name: 'Politics', description: 'Politics.' },
  { id: 'science', name: 'Science', description: 'Science.' },
];
const author = (id: string, name: string): [string, Author] => [
  id,
  { id, name, role: 'Reporter', bio: 'Bio.', sample: false, file: `${id}.yaml` },
];
const authors = new Map([author('ana-ruiz', 'Ana Ruiz'), author('mark-jones', 'Mark Jones')]);

const seed = story('putin-lukashenko-summit', {
  title: 'Putin and Lukashenko discuss Ukraine war and closer military ties at Novo-Ogaryovo summit',
  dek: 'Belarus’s president backs Russia’s war.',
  tags: ['Russia', 'Belarus'],
  authors: ['mark-jones'],
  publishedAt: '2023-02-18T09:00:00+00:00',
  text: 'Russian President Vladimir Putin and Belarusian President Alexander Lukashenko held a summit.\n\nLukashenko noted that factories in Belarus made parts.',
});

let index: TestIndex;
beforeEach(() => {
  vi.stubEnv('HIDE_SAMPLES', '');
  index = createTestIndex();
});
afterEach(() => {
  index.close();
  vi.unstubAllEnvs();
});

function add(...stories: Story[]) {
  for (const a of stories) putStory(index.db, a, searchNames(a, sections, authors));
}
const search = (query: string, extra: Partial<SearchRequest> = {}) => searchStories(index.db, { now: NOW, ...extra, query });
const slugs = (query: string, extra: Partial<SearchRequest> = {}) => search(query, extra).hits.map((h) => h.story.slug);

describe('matching', () => {
  beforeEach(() => add(seed, story('other', { text: 'A ferry sailed to the island.' })));

  it('finds the seed story by a prefix ("Lukash") and by another spelling ("Lukashenka")', () => {
    expect(slugs('Lukash')).toEqual(['putin-lukashenko-summit']);
    expect(slugs('Lukashenka')).toEqual(['putin-lukashenko-summit']);
    expect(slugs('lukašenko')).toEqual(['putin-lukashenko-summit']);
  });

  it('searches tags, author names and section names too', () => {
    expect(slugs('Russia')).toContain('putin-lukashenko-summit');
    expect(slugs('Mark Jones')).toEqual(['putin-lukashenko-summit']);
    expect(slugs('world ferry')).toEqual(['other']);
  });

  it('does not index JSX tag names or attributes', () => {
    expect(slugs('PullQuote')).toEqual([]);
    expect(slugs('cite')).toEqual([]);
  });

  it('needs every word, but falls back to any word when no story has them all', () => {
    const outcome = search('Putin ferry');
    expect(outcome.matchedAll).toBe(false);
    expect(outcome.hits.map((h) => h.story.slug).sort()).toEqual(['other', 'putin-lukashenko-summit']);
    expect(search('Putin summit').matchedAll).toBe(true);
  });

  it('does not stretch typos to short words', () => {
    expect(slugs('wax')).toEqual([]);
  });

  it('answers hostile input with no results rather than an error', () => {
    for (const query of [
      '(.*',
      '[',
      '\\',
      '"',
      'NEAR(',
      'a OR b',
      'title:x',
      '<script>alert(1)</script>',
      '%00',
      '*'.repeat(5000),
      'a'.repeat(5000),
      '',
      '   ',
    ]) {
      expect(() => search(query)).not.toThrow();
    }
    expect(search('(.*').total).toBe(0);
    expect(search('')).toMatchObject({ total: 0, terms: [], hits: [] });
  });
});

describe('ranking', () => {
  it('puts a headline match above a passing mention in the body, even when the mention is newer', () => {
    add(
      story('mention', {
        publishedAt: daysAgo(0),
        text: 'Officials also discussed the glacier briefly, among many other matters of the week.',
      }),
      story('headline', { title: 'Glacier retreat doubles in a decade', publishedAt: daysAgo(3 * 365) }),
    );
    expect(slugs('glacier')).toEqual(['headline', 'mention']);
  });

  it('lifts a recent story above a slightly better match from last year', () => {
    // The shorter headline is the closer match; the longer one is this week's news.
    add(
      story('last-year', { title: 'Harbour lights', publishedAt: daysAgo(400) }),
      story('this-week', { title: 'Harbour lights return to the bay', publishedAt: daysAgo(2) }),
    );
    expect(slugs('harbour lights')).toEqual(['this-week', 'last-year']);
  });

  it('puts the closer match first when both are as recent', () => {
    add(
      story('short', { title: 'Harbour lights', publishedAt: daysAgo(2) }),
      story('long', { title: 'Harbour lights return to the bay', publishedAt: daysAgo(2) }),
    );
    expect(slugs('harbour lights')).toEqual(['short', 'long']);
  });

  it('puts the newer of two equally relevant stories first', () => {
    const same = { title: 'Harbour lights return', text: 'The lamps were switched on again.' };
    add(story('old', { ...same, publishedAt: daysAgo(400) }), story('new', { ...same, publishedAt: daysAgo(2) }));
    expect(slugs('harbour lights')).toEqual(['new', 'old']);
  });

  it('boosts recent stories more, never below 1', () => {
    expect(recencyBoost(NOW, NOW)).toBeCloseTo(1.5);
    expect(recencyBoost(NOW - 90 * 86_400_000, NOW)).toBeCloseTo(1.25);
    expect(recencyBoost(NOW - 10 * 365 * 86_400_000, NOW)).toBeGreaterThan(1);
    expect(recencyBoost(NOW + 86_400_000, NOW)).toBeCloseTo(1.5);
  });

  it('ranks an exact word above a typo-tolerant neighbour, and above a longer word it begins', () => {
    // Slugs chosen so that a tie would put the wrong one first.
    add(story('a-near', { title: 'Border markets reopen' }), story('b-exact', { title: 'Boarder markets reopen' }));
    expect(slugs('boarder')).toEqual(['b-exact', 'a-near']);
    add(story('c-longer', { title: 'Kilns cool' }), story('d-kiln', { title: 'Kiln cool' }));
    expect(slugs('kiln')).toEqual(['d-kiln', 'c-longer']);
  });
});

describe('filtering and pages', () => {
  beforeEach(() =>
    add(
      ...Array.from({ length: 23 }, (_, i) =>
        story(`flood-${String(i).padStart(2, '0')}`, {
          title: `Flood report ${i}`,
          section: i % 3 === 0 ? 'science' : 'world',
          publishedAt: daysAgo(5), // same age for all: ties are broken by slug, so pages are stable
        }),
      ),
      story('dry', { title: 'Dry spell' }),
    ),
  );

  it('counts matches per section and filters by one', () => {
    const all = search('flood');
    expect(all.total).toBe(23);
    expect(all.approximate).toBe(false);
    expect(Object.fromEntries(all.bySection)).toEqual({ science: 8, world: 15 });
    const science = search('flood', { section: 'science', perPage: 50 });
    expect(science.total).toBe(8);
    expect(science.hits.every((h) => h.story.section === 'science')).toBe(true);
    expect(Object.fromEntries(science.bySection)).toEqual({ science: 8, world: 15 });
    expect(search('flood', { section: 'politics' })).toMatchObject({ total: 0, hits: [] });
  });

  it('splits results into pages that together list every match once, in a stable order', () => {
    const pages = [1, 2, 3].map((page) => search('flood', { page, perPage: 10 }));
    expect(pages.map((p) => p.hits.length)).toEqual([10, 10, 3]);
    expect(pages[0]!.pageCount).toBe(3);
    const listed = pages.flatMap((p) => p.hits.map((h) => h.story.slug));
    expect(new Set(listed).size).toBe(23);
    expect(listed).toEqual(slugs('flood', { perPage: 100 }));
  });

  it('returns no hits, but the page count, for a page past the end or not a page at all', () => {
    for (const page of [4, 0, -1, 1.5, Number.MAX_SAFE_INTEGER]) {
      const outcome = search('flood', { page, perPage: 10 });
      expect(outcome.hits).toEqual([]);
      expect(outcome).toMatchObject({ total: 23, pageCount: 3 });
    }
  });
});

describe('what the public may see', () => {
  it('never shows drafts, scheduled stories or hidden samples; a scheduled story appears at its time', () => {
    add(
      story('published', { title: 'Quarry opens' }),
      story('draft', { title: 'Quarry closes', draft: true }),
      story('scheduled', { title: 'Quarry floods', publishedAt: new Date(NOW + HOUR).toISOString() }),
      story('sample', { title: 'Quarry sample', sample: true }),
    );
    expect(slugs('quarry').sort()).toEqual(['published', 'sample']);
    expect(search('quarry').total).toBe(2);
    expect(slugs('quarry', { now: NOW + 2 * HOUR }).sort()).toEqual(['published', 'sample', 'scheduled']);
    vi.stubEnv('HIDE_SAMPLES', '1');
    expect(slugs('quarry')).toEqual(['published']);
    expect(Object.fromEntries(search('quarry').bySection)).toEqual({ world: 1 });
  });

  it('finds an edited story by its new words and not its old ones, and forgets a deleted one', () => {
    add(story('edited', { text: 'The zeppelin landed at dawn.' }), story('deleted', { text: 'A balloon drifted away.' }));
    expect(slugs('zeppelin')).toEqual(['edited']);
    add(story('edited', { text: 'The airship landed at dawn.' }));
    removeStory(index.db, 'deleted');
    expect(slugs('airship')).toEqual(['edited']);
    expect(slugs('zeppelin')).toEqual([]);
    expect(slugs('zeppeli')).toEqual([]);
    expect(slugs('balloon')).toEqual([]);
  });

  it("re-indexes an author's stories when the author's name changes", () => {
    const a = story('alpha');
    add(a);
    const renamed = new Map([author('ana-ruiz', 'Ana Ruiz-Okafor')]);
    putStory(index.db, a, searchNames(a, sections, renamed));
    expect(slugs('Okafor')).toEqual(['alpha']);
  });
});

describe('the vocabulary', () => {
  it('takes in words written by another connection: prefix and typo matches too', () => {
    add(story('first', { title: 'Harbour' }));
    expect(slugs('harbour')).toEqual(['first']);
    const other = new Database(index.file);
    const second = story('second', { title: 'Zeppelins return' });
    putStory(other, second, searchNames(second, sections, authors));
    other.close();
    expect(slugs('zeppelins')).toEqual(['second']);
    expect(slugs('zeppel')).toEqual(['second']);
    expect(slugs('zepelins')).toEqual(['second']);
  });

  it('loads lazily: a fresh vocabulary answers like the one kept up to date', () => {
    add(seed, story('kiln', { title: 'Kilns and potters' }));
    const before = ['Lukashenka', 'kil', 'potter'].map((q) => slugs(q));
    forgetVocabulary(index.db);
    expect(['Lukashenka', 'kil', 'potter'].map((q) => slugs(q))).toEqual(before);
  });

  it('answers the same when its rows were read on a worker thread after a restart', async () => {
    add(seed, story('kiln', { title: 'Kilns and potters' }));
    const before = ['Lukashenka', 'kil', 'potter'].map((q) => slugs(q));
    forgetVocabulary(index.db);
    expect(await prefetchVocabulary(index.db)).toBe(true);
    expect(['Lukashenka', 'kil', 'potter'].map((q) => slugs(q))).toEqual(before);
  });

  it('leaves rows read on a worker unused when the index changed since', async () => {
    add(seed);
    forgetVocabulary(index.db);
    expect(await prefetchVocabulary(index.db)).toBe(true);
    const other = new Database(index.file);
    const later = story('zeppelins', { title: 'Zeppelins return' });
    putStory(other, later, searchNames(later, sections, authors));
    other.close();
    // A typo of a word only the newer revision has: found only if the vocabulary was read again.
    expect(slugs('zepelins')).toEqual(['zeppelins']);
  });
});

describe('many matches', () => {
  const count = EXACT_LIMIT + 150;
  beforeEach(() => {
    const stories = Array.from({ length: count }, (_, i) =>
      story(`tide-${String(i).padStart(4, '0')}`, {
        title: i % 50 === 0 ? 'Tide tables' : `Note ${i}`,
        text: 'The tide came in.',
        section: i % 3 === 0 ? 'science' : 'world',
        publishedAt: new Date(NOW - (i + 1) * HOUR).toISOString(),
      }),
    );
    index.db.transaction(() => add(...stories))();
  });

  it('ranks the newest matches, estimates counts, and pages on past them newest first', () => {
    const first = search('tide');
    expect(first.approximate).toBe(true);
    expect(first.total).toBe(count);
    expect([...first.bySection.values()].reduce((a, b) => a + b, 0)).toBe(count);
    expect(first.bySection.get('science')).toBeGreaterThan(300);
    // A headline match among the newest comes first.
    expect(first.hits[0]!.story.title).toBe('Tide tables');
    const pages = Array.from({ length: Math.ceil(count / 100) }, (_, i) => search('tide', { page: i + 1, perPage: 100 }));
    const listed = pages.flatMap((p) => p.hits.map((h) => h.story.slug));
    expect(listed).toHaveLength(count);
    expect(new Set(listed).size).toBe(count);
  });

  it('filters by section', () => {
    const science = search('tide', { section: 'science', perPage: 5 });
    expect(science.hits.every((h) => h.story.section === 'science')).toBe(true);
    expect(science.total).toBe(Math.ceil(count / 3));
    expect(science.bySection.get('science')).toBe(science.total);
  });
});
