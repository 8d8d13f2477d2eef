import { describe, expect, it } from 'vitest';
import {
  indexTerms,
  MAX_QUERY_LENGTH,
  MAX_QUERY_TERMS,
  maxTypos,
  normalizeQuery,
  normalizeTerm,
  queryTerms,
  termMatches,
  searchWords,
  wordSpans,
} from './search-terms';

describe('normalizeQuery', () => {
  it('trims and collapses white space, tabs, newlines and control characters', () => {
    expect(normalizeQuery('  Lukash \t\n  summit\u0000\u200b ')).toBe('Lukash summit');
  });

  it(`caps a query at ${MAX_QUERY_LENGTH} characters`, () => {
    expect(normalizeQuery('x'.repeat(5000))).toHaveLength(MAX_QUERY_LENGTH);
    expect(normalizeQuery(`${'a'.repeat(199)} bbbb`)).toBe('a'.repeat(199));
  });

  it('never cuts an astral character in half', () => {
    const capped = normalizeQuery('😀'.repeat(300));
    expect(Array.from(capped)).toHaveLength(MAX_QUERY_LENGTH);
    expect(capped).toBe('😀'.repeat(MAX_QUERY_LENGTH));
  });

  it('keeps markup and regular-expression characters as plain text', () => {
    expect(normalizeQuery(' <script>alert(1)</script> (.* ')).toBe('<script>alert(1)</script> (.*');
  });
});

describe('words and terms', () => {
  it('splits on punctuation, typographic quotes, apostrophes and hyphens', () => {
    expect(searchWords('Belarus’s “Novo-Ogaryovo” SU-25, 3.1%!')).toEqual(['Belarus', 's', 'Novo', 'Ogaryovo', 'SU', '25', '3', '1']);
  });

  it('keeps letters of every script and their combining marks', () => {
    expect(searchWords('Лукашенко встретился с Путиным; Lukas\u030Cenka')).toEqual([
      'Лукашенко',
      'встретился',
      'с',
      'Путиным',
      'Lukas\u030Cenka',
    ]);
  });

  it('gives positions that slice back to each word', () => {
    const text = 'At Novo-Ogaryovo, 17 Feb';
    for (const span of wordSpans(text)) expect(text.slice(span.start, span.end)).toBe(span.word);
    expect(wordSpans(text).map((s) => s.word)).toEqual(['At', 'Novo', 'Ogaryovo', '17', 'Feb']);
  });

  it('normalises case and accents, drops stop words and single letters', () => {
    expect(normalizeTerm('Lukašenka')).toBe('lukasenka');
    expect(normalizeTerm('ZÜRICH')).toBe('zurich');
    expect(normalizeTerm('The')).toBeNull();
    expect(normalizeTerm('s')).toBeNull();
    expect(normalizeTerm('25')).toBe('25');
  });

  it('indexes the same terms the query and highlighter see, counted', () => {
    const text = 'Lukašenka and the Belarusian PARLIAMENT’s vote; the vote, VOTE';
    expect(indexTerms(text)).toEqual(searchWords(text).map(normalizeTerm).filter(Boolean));
    expect(indexTerms(text).filter((t) => t === 'vote')).toHaveLength(3);
    expect(indexTerms(text).filter((t) => t === 'lukasenka')).toHaveLength(1);
  });

  it(`turns a query into at most ${MAX_QUERY_TERMS} distinct terms`, () => {
    expect(queryTerms('The Putin putin PUTIN summit')).toEqual(['putin', 'summit']);
    const many = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    expect(queryTerms(many)).toEqual(Array.from({ length: MAX_QUERY_TERMS }, (_, i) => `word${i}`));
  });

  it('finds no terms in markup or regular-expression syntax alone', () => {
    expect(queryTerms('(.* [ ] ^$ \\ | ?+')).toEqual([]);
    expect(queryTerms('<script>')).toEqual(['script']);
  });
});

describe('matching rules', () => {
  it('allows typos only in longer words, at most two', () => {
    expect([maxTypos('war'), maxTypos('putin'), maxTypos('lukashenka'), maxTypos('x'.repeat(20)), maxTypos('x'.repeat(31))]).toEqual([
      0, 1, 2, 2, 0,
    ]);
  });

  it('matches exact words, prefixes of three letters or more, and near misses', () => {
    expect(termMatches('lukash', 'lukashenko')).toBe(true);
    expect(termMatches('lukashenka', 'lukashenko')).toBe(true);
    expect(termMatches('lu', 'lukashenko')).toBe(false);
    expect(termMatches('war', 'was')).toBe(false);
    expect(termMatches('summit', 'sumit')).toBe(true);
    expect(termMatches('summit', 'vote')).toBe(false);
  });
});
