import { describe, expect, it } from 'vitest';
import { pageCount, pageOffset, parsePageQuery, parsePageSegment } from './pagination';

describe('parsePageSegment', () => {
  it('accepts whole numbers from 2', () => {
    expect(parsePageSegment('2')).toBe(2);
    expect(parsePageSegment('140')).toBe(140);
    expect(parsePageSegment('999999')).toBe(999_999);
  });
  it.each(['1', '0', '-1', '02', '2.0', '1e3', 'two', '', ' 2', '9999999', '99999999999999999999999', '0x10', 'NaN', 'Infinity', '2%00'])(
    'refuses %j',
    (raw) => {
      expect(parsePageSegment(raw)).toBeUndefined();
    },
  );
});

describe('parsePageQuery', () => {
  it('reads digits, forgiving spaces and leading zeros', () => {
    expect(parsePageQuery('3')).toBe(3);
    expect(parsePageQuery(' 2 ')).toBe(2);
    expect(parsePageQuery('02')).toBe(2);
  });
  it('reads a page that is not a whole number as 1', () => {
    for (const raw of ['abc', '-1', '1.5', '1e3', '', ' ', '9'.repeat(400)]) expect(parsePageQuery(raw)).toBe(1);
  });
  it('keeps 0 and huge numbers for the caller to report', () => {
    expect(parsePageQuery('0')).toBe(0);
    expect(parsePageQuery('999999999999')).toBe(999_999_999_999);
  });
});

describe('pageCount and pageOffset', () => {
  it('counts pages, and where each starts', () => {
    expect(pageCount(45, 20)).toBe(3);
    expect(pageOffset(1, 45, 20)).toBe(0);
    expect(pageOffset(3, 45, 20)).toBe(40);
  });
  it('has no page beyond the last', () => {
    expect(pageOffset(4, 45, 20)).toBeUndefined();
    expect(pageOffset(0, 45, 20)).toBeUndefined();
    expect(pageOffset(1.5, 45, 20)).toBeUndefined();
  });
  it('gives an empty listing one (empty) first page', () => {
    expect(pageCount(0, 20)).toBe(1);
    expect(pageOffset(1, 0, 20)).toBe(0);
    expect(pageOffset(2, 0, 20)).toBeUndefined();
  });
});
