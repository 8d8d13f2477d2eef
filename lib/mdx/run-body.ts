import type { MDXContent } from 'mdx/types';
import * as runtime from 'react/jsx-runtime';
import { contentHash } from '@/lib/content/content-hash';

/*
 * Runs a body's compiled code (compile.ts made it when the story was checked) as the page's
 * component. Pages import only this, never the compiler: @mdx-js/mdx, remark and micromark load
 * when a file is checked, not on a reader's first request after a restart.
 */

/**
 * Entries by key, least recently used first, bounded by bytes (two a character of the code they
 * were made from): no body, however large, grows memory past the bound.
 */
export class ByteBoundedCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number }>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, bytes: number) {
    this.delete(key);
    // A value larger than the whole cache would only push every other one out.
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    for (const [oldest] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }

  get usage() {
    return { entries: this.entries.size, bytes: this.total };
  }
}

/** Bodies that pages and feeds run, by code hash. */
export const RUN_CACHE_BYTES = 64 * 1024 * 1024;
const ran = new ByteBoundedCache<Promise<MDXContent>>(RUN_CACHE_BYTES);

/** How much the run cache holds, for tests. */
export function runCacheUsage(): { entries: number; bytes: number } {
  return ran.usage;
}

// @mdx-js/mdx's own `run` (lib/run.js) is this constructor applied to the code: the code is the
// body of an async function that takes the JSX runtime.
type AsyncFunctionConstructor = new (body: string) => (scope: object) => Promise<{ default: MDXContent }>;
// eslint-disable-next-line @typescript-eslint/require-await -- an async function, only to reach its constructor
const AsyncFunction = (Object.getPrototypeOf(async () => undefined) as { constructor: AsyncFunctionConstructor }).constructor;

/** The component of code made by compileBodyCode, run once and kept while the cache has room. */
export function runBodyCode(code: string): Promise<MDXContent> {
  const key = contentHash(code);
  const hit = ran.get(key);
  if (hit) return hit;
  // No baseUrl: stories cannot import anything (the safety plugin refuses import and export).
  const made = new AsyncFunction(code)({ ...runtime }).then((module) => module.default);
  ran.set(key, made, code.length * 2);
  made.catch(() => ran.delete(key));
  return made;
}
