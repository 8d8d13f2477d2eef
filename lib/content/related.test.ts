import { describe, expect, it } from 'vitest';
import { relatedArticles } from './related';
import type { Article } from './schema';

function story(slug: string, section: string, tags: string[], publishedAt: string): Article {
  return {
    slug,
    section,
    tags,
    publishedAt,
    title: slug,
    dek: '',
    authors: ['a'],
    draft: false,
    sample: false,
    file: `${slug}.mdx`,
    body: '',
    wordCount: 0,
  };
}

const subject = story('subject', 'world', ['Defence', 'Belarus'], '2023-02-18T09:00:00Z');
const candidates = [
  subject,
  story('same-section-old', 'world', [], '2023-01-01T00:00:00Z'),
  story('same-section-new', 'world', [], '2023-02-10T00:00:00Z'),
  story('one-tag-other-section', 'politics', ['defence'], '2023-02-01T00:00:00Z'),
  story('two-tags-and-section', 'world', ['Defence', 'Belarus'], '2022-06-01T00:00:00Z'),
  story('unrelated', 'science', ['Health'], '2023-02-17T00:00:00Z'),
];

describe('relatedArticles', () => {
  it('ranks by shared section and tags, then newest, never itself or the unrelated', () => {
    expect(relatedArticles(subject, candidates).map((a) => a.slug)).toEqual([
      'two-tags-and-section',
      'same-section-new',
      'one-tag-other-section',
      'same-section-old',
    ]);
  });

  it('breaks ties in date by slug', () => {
    const a = story('b-story', 'world', [], '2023-01-01T00:00:00Z');
    const b = story('a-story', 'world', [], '2023-01-01T00:00:00Z');
    expect(relatedArticles(subject, [a, b]).map((x) => x.slug)).toEqual(['a-story', 'b-story']);
  });

  it('respects the limit', () => {
    expect(relatedArticles(subject, candidates, 2)).toHaveLength(2);
  });
});
