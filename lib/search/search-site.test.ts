import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Author, Section } from '@/lib/content/schema';
import type { Segment } from './highlight';
import { parseSearchParams } from './params';
import { searchSiteIn } from './search-site';
import { createTestIndex, loadContent, type TestIndex } from './test-index';

// The repository's own content: the seed story and the samples.
const SEED = 'putin-lukashenko-summit-novo-ogaryovo';
const marked = (segments: readonly Segment[] | undefined) => (segments ?? []).filter((s) => s.match).map((s) => s.text);

let index: TestIndex;
let sections: Section[];
let authors: Map<string, Author>;
beforeAll(async () => {
  index = createTestIndex();
  ({ sections, authors } = await loadContent(index.db, path.resolve(import.meta.dirname, '../../content')));
});
afterAll(() => index.close());
beforeEach(() => {
  vi.stubEnv('HIDE_SAMPLES', '');
  return () => vi.unstubAllEnvs();
});

const run = (raw: Record<string, string>) =>
  searchSiteIn(
    index.db,
    parseSearchParams(
      raw,
      sections.map((s) => s.id),
    ),
    Date.now(),
    { sections, authors: (ids) => Promise.resolve(ids.flatMap((id) => authors.get(id) ?? [])) },
  );

describe('searchSite on the repository content', () => {
  it.each(['Lukash', 'Lukashenka', 'lukashenko'])('finds the seed story for "%s" and marks the name in its headline', async (q) => {
    const search = await run({ q });
    expect(search.results[0]?.story.slug).toBe(SEED);
    expect(marked(search.results[0]?.title)).toEqual(['Lukashenko']);
    expect(search.results[0]?.section?.name).toBe('World');
  });

  it("marks an author's name when the search was for it", async () => {
    const search = await run({ q: 'Mark Jones' });
    expect(search.results.map((r) => r.story.slug)).toEqual([SEED]);
    expect(search.results[0]!.authors.map(marked)).toEqual([['Mark', 'Jones']]);
    expect(search.results[0]!.passage).toBeUndefined();
  });

  it('shows a passage of the body when the headline and dek do not show the word', async () => {
    const search = await run({ q: 'synergies' });
    const [result] = search.results;
    expect(result?.story.slug).toBe(SEED);
    expect(marked(result?.title)).toEqual([]);
    expect(marked(result?.passage)).toEqual(['synergies']);
  });

  it('counts matches per section and filters by one', async () => {
    const all = await run({ q: 'said' });
    const counts = Object.fromEntries(all.sectionCounts.map((c) => [c.section.id, c.count]));
    expect(all.totalAllSections).toBe(all.total);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(all.total);
    const business = await run({ q: 'said', section: 'business' });
    expect(business.total).toBe(counts.business);
    expect(business.results.every((r) => r.story.section === 'business')).toBe(true);
    expect(business.totalAllSections).toBe(all.total);
  });

  it('reports a page past the last one instead of an empty list', async () => {
    const search = await run({ q: 'Lukash', page: '7' });
    expect(search).toMatchObject({ total: 1, pageCount: 1, pageOutOfRange: true, results: [] });
    expect((await run({ q: 'Lukash', page: '1' })).pageOutOfRange).toBe(false);
  });

  it('does nothing for an empty query', async () => {
    expect(await run({ q: '   ' })).toMatchObject({ total: 0, results: [], pageOutOfRange: false });
  });
});

describe('passages', () => {
  it('are found around the word the headline lacks, with every matched word marked', async () => {
    const search = await run({ q: 'Soviet synergies' });
    const [result] = search.results;
    expect(result?.story.slug).toBe(SEED);
    expect(marked(result?.dek)).toEqual(['Soviet']);
    expect(marked(result?.passage)).toEqual(['Soviet', 'synergies']);
  });
});
