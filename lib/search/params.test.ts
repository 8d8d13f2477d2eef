import { describe, expect, it } from 'vitest';
import { paths } from '@/lib/urls';
import { parseSearchParams } from './params';
import { MAX_QUERY_LENGTH } from './search-terms';

const SECTIONS = ['world', 'politics'];

describe('parseSearchParams', () => {
  it('reads query, section and page', () => {
    expect(parseSearchParams({ q: '  Lukash  ', section: 'world', page: '3' }, SECTIONS)).toEqual({
      q: 'Lukash',
      section: 'world',
      page: 3,
    });
  });

  it('defaults to an empty query on page 1 in all sections', () => {
    expect(parseSearchParams({}, SECTIONS)).toEqual({ q: '', section: undefined, page: 1 });
  });

  it('takes the first of repeated parameters', () => {
    expect(parseSearchParams({ q: ['first', 'second'], page: ['2', '5'] }, SECTIONS)).toMatchObject({ q: 'first', page: 2 });
  });

  it('caps the query and ignores an unknown section', () => {
    const parsed = parseSearchParams({ q: 'x'.repeat(5000), section: '../etc' }, SECTIONS);
    expect(parsed.q).toHaveLength(MAX_QUERY_LENGTH);
    expect(parsed.section).toBeUndefined();
  });

  it('reads a page that is not a whole number as 1, and keeps 0 and huge numbers for the caller to report', () => {
    for (const page of ['abc', '-1', '1.5', '1e3', '', ' ']) expect(parseSearchParams({ page }, SECTIONS).page).toBe(1);
    expect(parseSearchParams({ page: '0' }, SECTIONS).page).toBe(0);
    expect(parseSearchParams({ page: '999999999999' }, SECTIONS).page).toBe(999_999_999_999);
    expect(parseSearchParams({ page: '9'.repeat(400) }, SECTIONS).page).toBe(1);
  });
});

describe('paths.search', () => {
  it('encodes what it is given, and reads back the same request', () => {
    const q = '<script>&(.*)?=#';
    const url = new URL(paths.search({ q, section: 'world', page: 4 }), 'http://x');
    expect(url.pathname).toBe('/search');
    expect(parseSearchParams(Object.fromEntries(url.searchParams), SECTIONS)).toEqual({ q, section: 'world', page: 4 });
  });
});
