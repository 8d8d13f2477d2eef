import { describe, expect, it } from 'vitest';
import { checkBody, compileBody, compileCacheUsage, CompileCache, type CacheEntry, type CompiledBody } from './compile';

const entry = (key: string, bytes: number): CacheEntry => ({ key, bytes, compiled: Promise.resolve({} as CompiledBody) });

describe('CompileCache', () => {
  it('holds at most its bytes, evicting the least recently used first', () => {
    const cache = new CompileCache(100);
    for (const key of ['a', 'b']) cache.add(key, entry(key, 40));
    cache.get('a');
    cache.add('c', entry('c', 40));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.usage).toEqual({ entries: 2, bytes: 80 });
  });

  it('counts the compiled code once known, and evicts for it', () => {
    const cache = new CompileCache(100);
    const b = entry('b', 30);
    cache.add('a', entry('a', 30));
    cache.add('b', b);
    cache.grow(b, 50);
    expect(cache.usage).toEqual({ entries: 1, bytes: 80 });
    expect(cache.get('a')).toBeUndefined();
  });

  it('never keeps a body larger than the whole cache, nor lets it push the others out', () => {
    const cache = new CompileCache(100);
    cache.add('a', entry('a', 60));
    cache.add('huge', entry('huge', 101));
    expect(cache.get('huge')).toBeUndefined();
    expect(cache.usage).toEqual({ entries: 1, bytes: 60 });
  });
});

describe('compile caches', () => {
  it("keeps the live editor's compiles out of the readers' cache", async () => {
    const pages = compileCacheUsage('pages');
    const preview = compileCacheUsage('preview');
    expect((await checkBody(`Typed in the editor at ${Date.now()}.`, 'preview')).issues).toEqual([]);
    expect(compileCacheUsage('pages')).toEqual(pages);
    expect(compileCacheUsage('preview').entries).toBe(preview.entries + 1);
    await compileBody(`Read by a reader at ${Date.now()}.`);
    expect(compileCacheUsage('pages').entries).toBe(pages.entries + 1);
    expect(compileCacheUsage('pages').bytes).toBeGreaterThan(pages.bytes + 100);
  });
});
