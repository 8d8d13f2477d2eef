import { describe, expect, it } from 'vitest';
import { parseStory } from './parse';
import { formatProblem } from './problems';

const FILE = 'content/articles/agency-story.mdx';

function file(extra: string[]) {
  return [
    '---',
    'title: Agency story',
    'dek: Copy from an agency.',
    'section: world',
    'authors: [mark-jones]',
    'publishedAt: 2024-05-01T10:00:00+02:00',
    ...extra,
    '---',
    '',
    'Body.',
    '',
  ].join('\n');
}

describe('canonicalUrl (syndicated copy)', () => {
  it('is accepted with a source', () => {
    const result = parseStory(
      FILE,
      file(['source: { name: Agency, url: "https://agency.example/x" }', 'canonicalUrl: https://agency.example/x']),
    );
    expect(result.ok && result.value.canonicalUrl).toBe('https://agency.example/x');
  });

  it('must be an absolute http(s) URL', () => {
    const result = parseStory(FILE, file(['source: { name: Agency }', 'canonicalUrl: /articles/elsewhere']));
    expect(result.problems.map(formatProblem)).toEqual([
      `${FILE}:8:1 canonicalUrl: expected the absolute http(s) URL of the original story, got "/articles/elsewhere"`,
    ]);
    expect(parseStory(FILE, file(['source: { name: Agency }', 'canonicalUrl: "ftp://agency.example/x"'])).ok).toBe(false);
  });

  it('needs a source to credit', () => {
    const result = parseStory(FILE, file(['canonicalUrl: https://agency.example/x']));
    expect(result.problems.map(formatProblem)).toEqual([
      `${FILE}:7:1 canonicalUrl: expected a source (name, url) for syndicated copy that sets canonicalUrl, got "https://agency.example/x" without one`,
    ]);
  });
});
