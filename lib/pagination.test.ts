import { describe, expect, it } from 'vitest';
import { laterPages, paginate, parsePageNumber } from './pagination';

describe('parsePageNumber', () => {
  it('accepts whole numbers from 2', () => {
    expect(parsePageNumber('2')).toBe(2);
    expect(parsePageNumber('140')).toBe(140);
  });
  it.each(['1', '0', '-1', '02', '2.0', '1e3', 'two', '', ' 2', '9999999', '2%00'])('refuses %j', (raw) => {
    expect(parsePageNumber(raw)).toBeUndefined();
  });
});

describe('paginate', () => {
  const items = Array.from({ length: 45 }, (_, i) => i);
  it('slices pages and counts them', () => {
    expect(paginate(items, 1, 20)).toMatchObject({ items: items.slice(0, 20), page: 1, totalPages: 3, totalItems: 45 });
    expect(paginate(items, 3, 20)?.items).toEqual([40, 41, 42, 43, 44]);
  });
  it('has no page beyond the last', () => {
    expect(paginate(items, 4, 20)).toBeUndefined();
    expect(paginate(items, 0, 20)).toBeUndefined();
  });
  it('gives an empty listing one (empty) first page', () => {
    expect(paginate([], 1, 20)).toMatchObject({ items: [], totalPages: 1 });
    expect(paginate([], 2, 20)).toBeUndefined();
  });
});

describe('laterPages', () => {
  it('lists the pages after the first', () => {
    expect(laterPages(45, 20)).toEqual([2, 3]);
    expect(laterPages(20, 20)).toEqual([]);
    expect(laterPages(0, 20)).toEqual([]);
  });
});
