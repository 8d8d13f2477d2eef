import { describe, expect, it } from 'vitest';
import { checkBody, compileBody } from './compile';
import { ByteBoundedCache, runCacheUsage } from './run-body';

describe('ByteBoundedCache', () => {
  it('holds at most its bytes, evicting the least recently used first', () => {
    const cache = new ByteBoundedCache<string>(100);
    cache.set('a', 'A', 40);
    cache.set('b', 'B', 40);
    cache.get('a');
    cache.set('c', 'C', 40);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBe('A');
    expect(cache.usage).toEqual({ entries: 2, bytes: 80 });
  });

  it('never keeps a value larger than the whole cache, nor lets it push the others out', () => {
    const cache = new ByteBoundedCache<string>(100);
    cache.set('a', 'A', 60);
    cache.set('huge', 'H', 101);
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.usage).toEqual({ entries: 1, bytes: 60 });
  });
});

describe('compiling and running bodies', () => {
  it("keeps nothing of a check (the live editor's), and keeps what a page runs", async () => {
    const before = runCacheUsage();
    const check = await checkBody(`Typed in the editor at ${Date.now()}.`);
    expect(check.issues).toEqual([]);
    expect(check.code).toContain('function');
    expect(runCacheUsage()).toEqual(before);
    await compileBody(`Read by a reader at ${Date.now()}.`);
    expect(runCacheUsage().entries).toBe(before.entries + 1);
    expect(runCacheUsage().bytes).toBeGreaterThan(before.bytes + 100);
  });
});
