import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { radixTree } from './vocabulary';

describe('radixTree', () => {
  it('builds the tree SearchableMap builds, so prefix and typo lookups answer the same', () => {
    const words = [
      'lukashenko',
      'lukash',
      'luk',
      'lukewarm',
      'zurich',
      'zürich',
      'a1',
      'a',
      'ab',
      'abc',
      'abd',
      'київ',
      '東京',
      '𝒳y',
      '𝒳z',
    ];
    const sorted = [...new Set(words)].sort((x, y) => (Buffer.from(x) < Buffer.from(y) ? -1 : 1)); // SQLite's order
    const built = new SearchableMap(
      radixTree(
        sorted,
        sorted.map((_, i) => i),
      ) as Map<string, never>,
    );
    const reference = SearchableMap.from(sorted.map((w, i): [string, number] => [w, i]));
    expect([...built.entries()].sort()).toEqual([...reference.entries()].sort());
    for (const q of ['luk', 'lukash', 'a', 'ab', 'z', '𝒳'])
      expect([...built.atPrefix(q).keys()].sort()).toEqual([...reference.atPrefix(q).keys()].sort());
    for (const q of ['lukashenka', 'zurick', 'abe']) expect([...built.fuzzyGet(q, 2)].sort()).toEqual([...reference.fuzzyGet(q, 2)].sort());
  });
});
