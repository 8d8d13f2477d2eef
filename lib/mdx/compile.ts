import { createHash } from 'node:crypto';
import type { MDXContent } from 'mdx/types';
import * as runtime from 'react/jsx-runtime';
import { storyCompileOptions } from './options';
import { isMdxContentError, referencesOf, toMdxIssues, type BodyReferences, type MdxIssue } from './safe-mdx';

export type CompiledBody = {
  /** The body as a component; pass the components map as its `components` prop. */
  Content: MDXContent;
  references: BodyReferences;
};

/**
 * Compiled bodies by source hash, least recently used first, bounded by bytes (the text of the
 * source and of the compiled code, two bytes a character): a story compiles once per process until
 * its text changes, and no body, however large, grows memory past the bound.
 */
export class CompileCache {
  private readonly entries = new Map<string, CacheEntry>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Promise<CompiledBody> | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.compiled;
  }

  add(key: string, entry: CacheEntry) {
    this.delete(key);
    // A body larger than the whole cache would only push every other body out.
    if (entry.bytes > this.maxBytes) return;
    this.entries.set(key, entry);
    this.total += entry.bytes;
    this.evict();
  }

  /** Counts an entry's compiled code once it is known, then evicts down to the bound. */
  grow(entry: CacheEntry, bytes: number) {
    if (this.entries.get(entry.key) !== entry) return;
    entry.bytes += bytes;
    this.total += bytes;
    this.evict();
  }

  private evict() {
    for (const [key, oldest] of this.entries) {
      if (this.total <= this.maxBytes) break;
      this.delete(key, oldest);
    }
  }

  delete(key: string, entry = this.entries.get(key)) {
    if (!entry || this.entries.get(key) !== entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
  }

  get usage() {
    return { entries: this.entries.size, bytes: this.total };
  }
}

export type CacheEntry = { key: string; compiled: Promise<CompiledBody>; bytes: number };

/**
 * Readers' pages and feeds share one cache; the live editor's checks (/api/preview/check, bodies
 * of up to 1 MB on every keystroke pause) get their own, small one, so they never push a story
 * out of the readers' cache.
 */
export const COMPILE_CACHE_BYTES = { pages: 64 * 1024 * 1024, preview: 8 * 1024 * 1024 } as const;
export type CompileCacheName = keyof typeof COMPILE_CACHE_BYTES;
const caches: Record<CompileCacheName, CompileCache> = {
  pages: new CompileCache(COMPILE_CACHE_BYTES.pages),
  preview: new CompileCache(COMPILE_CACHE_BYTES.preview),
};

/** How much a cache holds, for tests. */
export function compileCacheUsage(name: CompileCacheName): { entries: number; bytes: number } {
  return caches[name].usage;
}

/**
 * Compiles an MDX body at run time (content changes without a rebuild) into a component that
 * takes the components map as a prop. The safety plugin refuses code, HTML and unknown
 * components, so only what lib/mdx/allowed-components.ts lists ever runs. Compile errors
 * propagate: during background regeneration Next then keeps serving the last good page.
 */
export function compileBody(source: string, cacheName: CompileCacheName = 'pages'): Promise<CompiledBody> {
  const cache = caches[cacheName];
  const key = createHash('sha256').update(source).digest('base64url');
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = compileUncached(source);
  const entry: CacheEntry = { key, compiled: compiled.then((c) => c.body), bytes: source.length * 2 };
  cache.add(key, entry);
  compiled.then(
    (c) => cache.grow(entry, c.codeLength * 2),
    () => cache.delete(key, entry),
  );
  return entry.compiled;
}

async function compileUncached(source: string): Promise<{ body: CompiledBody; codeLength: number }> {
  // Loaded on first use, as an ES module: the content check runs this file under tsx as CommonJS,
  // where @mdx-js/mdx's ESM-only dependencies cannot be required.
  const { compile, run } = await import('@mdx-js/mdx');
  const file = await compile(source, storyCompileOptions);
  // No baseUrl: stories cannot import anything (the safety plugin refuses import and export).
  const code = String(file);
  const mod = await run(code, { ...runtime });
  return { body: { Content: mod.default, references: referencesOf(file) }, codeLength: code.length };
}

/**
 * What is wrong with a body, at lines and columns of its file (front matter lines are blank in
 * `Article.body`, so positions match). Empty when it compiles. The compiled result is cached, so
 * a checked story renders without compiling again.
 */
export async function checkBody(
  source: string,
  cacheName: CompileCacheName = 'pages',
): Promise<{ issues: MdxIssue[]; references?: BodyReferences }> {
  try {
    return { issues: [], references: (await compileBody(source, cacheName)).references };
  } catch (error) {
    return { issues: toMdxIssues(error), references: isMdxContentError(error) ? error.references : undefined };
  }
}
