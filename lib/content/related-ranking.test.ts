import { describe, expect, it } from 'vitest';
import { buildRelatedModel, WEIGHTS } from './related-ranking';
import type { Story } from './schema';

function story(slug: string, fields: Partial<Story>): Story {
  return {
    slug,
    title: slug.replace(/-/g, ' '),
    dek: '',
    section: 'world',
    tags: [],
    authors: ['a'],
    publishedAt: '2023-02-01T00:00:00Z',
    draft: false,
    sample: false,
    file: `${slug}.mdx`,
    text: '',
    wordCount: 0,
    ...fields,
  };
}

// A small newsroom: one subject and candidates that each differ in one way.
const subject = story('summit', {
  title: 'Leaders meet at the lakeside summit on gas pipelines',
  text: 'The pipeline deal and the gas tariffs dominated the summit. Pipeline engineers attended.',
  tags: ['Energy', 'Diplomacy', 'Velmora'],
  publishedAt: '2023-02-18T09:00:00Z',
});
const set = [
  subject,
  // Shares the rare tag "Velmora" and the common "Diplomacy", plus pipeline words: should lead.
  story('pipeline-follow-up', {
    title: 'Pipeline deal signed after summit',
    text: 'Engineers say the gas pipeline will open next year.',
    tags: ['Velmora', 'Diplomacy'],
    publishedAt: '2023-02-20T09:00:00Z',
  }),
  // Shares only the common tag "Diplomacy" (every diplomacy story has it).
  story('embassy-reopens', { title: 'Embassy reopens in Corvane', tags: ['Diplomacy'], publishedAt: '2023-02-17T09:00:00Z' }),
  story('envoy-named', {
    title: 'New envoy named for talks',
    tags: ['Diplomacy'],
    section: 'politics',
    publishedAt: '2023-02-10T09:00:00Z',
  }),
  // Same words but no tags, other section: related by text alone.
  story('gas-prices', {
    title: 'Gas tariffs and pipeline costs rise',
    section: 'business',
    text: 'Pipeline operators raised gas tariffs.',
    publishedAt: '2022-06-01T09:00:00Z',
  }),
  // Same section, nothing else in common.
  story('harbour-festival', { title: 'Harbour festival draws crowds', publishedAt: '2023-02-15T09:00:00Z' }),
  // Nothing in common at all: never related.
  story('chess-final', { title: 'Chess final ends in a draw', section: 'sport', tags: ['Chess'], publishedAt: '2023-02-18T10:00:00Z' }),
];

describe('buildRelatedModel', () => {
  const model = buildRelatedModel(set, 5);
  const related = model.get('summit')!;

  it('puts topical stories first, ordered by tag rarity, text similarity, section and recency', () => {
    expect(related.map((r) => r.slug)).toEqual([
      'pipeline-follow-up',
      'embassy-reopens',
      'envoy-named',
      'gas-prices',
      // Same section only: a filler after every story that shares a tag or words.
      'harbour-festival',
    ]);
  });

  it('explains each score by its parts', () => {
    for (const r of related) {
      const sum = WEIGHTS.tags * r.tags + WEIGHTS.text * r.text + WEIGHTS.section * r.section + WEIGHTS.recency * r.recency;
      expect(r.score).toBeCloseTo(sum, 3);
    }
    const [lead, embassy] = related;
    // The rare tag (Velmora) counts for more than the common one (Diplomacy).
    expect(lead!.tags).toBeGreaterThan(embassy!.tags);
    expect(lead!.text).toBeGreaterThan(0.2);
    const gas = related.find((r) => r.slug === 'gas-prices')!;
    expect(gas).toMatchObject({ tags: 0, section: 0 });
    expect(gas.text).toBeGreaterThan(0.1);
    const festival = related.find((r) => r.slug === 'harbour-festival')!;
    expect(festival).toMatchObject({ tags: 0, text: 0, section: 1, topical: false });
    // It scores above gas-prices but is only a filler.
    expect(festival.score).toBeGreaterThan(gas.score);
  });

  it('never includes the story itself or a story with nothing in common', () => {
    for (const [slug, list] of model) {
      expect(list.map((r) => r.slug)).not.toContain(slug);
    }
    expect(related.map((r) => r.slug)).not.toContain('chess-final');
  });

  it('breaks ties by newer date, then slug', () => {
    const twins = [
      story('base', { tags: ['Rare'] }),
      story('b-twin', { tags: ['Rare'], publishedAt: '2023-02-01T00:00:00Z' }),
      story('a-twin', { tags: ['Rare'], publishedAt: '2023-02-01T00:00:00Z' }),
      story('older-twin', { tags: ['Rare'], publishedAt: '2023-02-01T00:00:00Z', section: 'world' }),
    ];
    const list = buildRelatedModel(twins)
      .get('base')!
      .map((r) => r.slug);
    expect(list).toEqual(['a-twin', 'b-twin', 'older-twin']);
  });

  it('is deterministic', () => {
    expect(buildRelatedModel([...set].reverse(), 5).get('summit')).toEqual(related);
  });

  it('respects the limit', () => {
    expect(buildRelatedModel(set, 2).get('summit')).toHaveLength(2);
  });
});
