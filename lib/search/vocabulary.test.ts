import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { radixTree } from './vocabulary';

describe('radixTree', () => {
  it('builds, as it is read, the tree SearchableMap builds: prefix and typo lookups and changes answer the same', () => {
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
    // Lookups first, on a tree none of whose nodes has been read yet.
    const fresh = () =>
      new SearchableMap<number>(
        radixTree(
          sorted,
          sorted.map((_, i) => i),
        ) as Map<string, never>,
      );
    expect([...fresh().fuzzyGet('lukashenka', 2)].sort()).toEqual([...reference.fuzzyGet('lukashenka', 2)].sort());
    expect([...fresh().atPrefix('luka').keys()]).toEqual([...reference.atPrefix('luka').keys()]);
    expect(fresh().get('abd')).toBe(reference.get('abd'));
    // Changes to an unread tree: a new word inside a lazy edge, one past it, and a removal.
    const changed = fresh();
    const referenceChanged = SearchableMap.from(sorted.map((w, i): [string, number] => [w, i]));
    for (const map of [changed, referenceChanged]) {
      map.set('lukas', 100);
      map.set('abcd', 101);
      map.delete('lukewarm');
    }
    expect([...changed.entries()].sort()).toEqual([...referenceChanged.entries()].sort());
    expect([...built.entries()].sort()).toEqual([...reference.entries()].sort());
    for (const q of ['luk', 'lukash', 'a', 'ab', 'z', '𝒳'])
      expect([...built.atPrefix(q).keys()].sort()).toEqual([...reference.atPrefix(q).keys()].sort());
    for (const q of ['lukashenka', 'zurick', 'abe']) expect([...built.fuzzyGet(q, 2)].sort()).toEqual([...reference.fuzzyGet(q, 2)].sort());
  });
});
