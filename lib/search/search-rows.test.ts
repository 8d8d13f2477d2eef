import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Story } from '@/lib/content/schema';
import { fixtureStory } from '@/lib/content/test-fixtures';
import { deleteSearchRow, writeSearchRow } from './search-rows';
import { indexTerms } from './search-terms';
import { createTestIndex, putStory, removeStory, type TestIndex } from './test-index';

const names = { section: 'World world', authors: 'Ana Ruiz' };

/** A public story with the fields a test names changed (lib/content/test-fixtures.ts). */
const story = (slug: string, fields: Partial<Story> = {}): Story =>
  fixtureStory({
    slug,
    dek: 'A short standfirst.',
    tags: [],
    publishedAt: '2026-11-01T10:00:00Z',
    text: 'Plain words about nothing in particular.',
    wordCount: 6,
    ...fields,
  });

let index: TestIndex;
beforeEach(() => {
  index = createTestIndex();
});
afterEach(() => index.close());

function vocabulary(): Record<string, number> {
  const rows = index.db.prepare('SELECT term, stories FROM search_terms ORDER BY term').all() as { term: string; stories: number }[];
  return Object.fromEntries(rows.map((r) => [r.term, r.stories]));
}

/** The counts search_terms should hold for these stories, counted afresh. */
function expected(stories: readonly Story[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const a of stories) {
    const terms = new Set<string>();
    for (const text of [a.title, a.dek, a.tags.join(', '), names.authors, names.section, a.text]) {
      for (const term of indexTerms(text)) terms.add(term);
    }
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Every token FTS5 indexed, as its own vocabulary table sees it. */
function ftsTokens(): string[] {
  index.db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_vocab USING fts5vocab(main, story_search, row)');
  return index.db.prepare('SELECT term FROM temp.fts_vocab').pluck().all() as string[];
}

describe('writeSearchRow and deleteSearchRow', () => {
  it('keep search_terms counting each term once per story that uses it, through edits and deletes', () => {
    const a = story('alpha', { title: 'Harbour harbour lights', tags: ['Ports'] });
    const b = story('bravo', { title: 'Bridge closes', text: 'The harbour stays open.\n\nQuoted' });
    putStory(index.db, a, names);
    putStory(index.db, b, names);
    expect(vocabulary()).toEqual(expected([a, b]));
    expect(vocabulary().harbour).toBe(2);
    expect(vocabulary().pullquote).toBeUndefined();

    const edited = { ...b, title: 'Tunnel closes', text: 'Nothing else.' };
    putStory(index.db, edited, names);
    expect(vocabulary()).toEqual(expected([a, edited]));
    writeSearchRow(index.db, edited, names); // unchanged: nothing moves
    expect(vocabulary()).toEqual(expected([a, edited]));

    removeStory(index.db, 'alpha');
    expect(vocabulary()).toEqual(expected([edited]));
    deleteSearchRow(index.db, 'alpha'); // already gone
    expect(index.db.prepare('SELECT count(*) FROM story_search').pluck().get()).toBe(1);
  });

  it('moves a story whose publication time changed, and gives drafts no row', () => {
    putStory(index.db, story('alpha'), names);
    putStory(index.db, story('alpha', { publishedAt: '2020-01-01T00:00:00Z' }), names);
    expect(index.db.prepare('SELECT count(*) FROM story_search').pluck().get()).toBe(1);
    // Written again after its stories row moved: found in the bucket of the story's own time.
    writeSearchRow(index.db, story('alpha', { publishedAt: '2020-01-01T00:00:00Z', title: 'Kiln' }), names);
    expect(index.db.prepare('SELECT count(*) FROM story_search').pluck().get()).toBe(1);
    writeSearchRow(index.db, story('alpha', { draft: true }), names);
    expect(index.db.prepare('SELECT count(*) FROM story_search').pluck().get()).toBe(0);
    expect(vocabulary()).toEqual({});
  });

  it('keeps two stories published in the same millisecond apart', () => {
    putStory(index.db, story('alpha', { title: 'Kiln' }), names);
    putStory(index.db, story('bravo', { title: 'Kiln' }), names);
    removeStory(index.db, 'alpha');
    expect(index.db.prepare('SELECT slug FROM story_search').pluck().all()).toEqual(['bravo']);
    expect(vocabulary().kiln).toBe(1);
  });

  it('stores exactly the words FTS5 indexes, whatever the script or accents', () => {
    const text = 'Zürich, Łódź and São Paulo; Straße, ﬁnance, ØRSTED, Київ, 東京 and naïve café-goers in İstanbul.';
    writeSearchRow(index.db, story('world', { title: text, text }), names);
    expect(ftsTokens().sort()).toEqual(Object.keys(vocabulary()).sort());
  });
});
