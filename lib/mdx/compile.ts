import type { MDXContent } from 'mdx/types';
import { contentHash } from '@/lib/content/content-hash';
import * as runtime from 'react/jsx-runtime';
import { storyCompileOptions } from './options';
import { isMdxContentError, plainTextOfFile, referencesOf, toMdxIssues, type BodyReferences, type MdxIssue } from './safe-mdx';

/*
 * MDX is compiled when a story is checked (the content index keeps the code, ADR 0010) and only
 * run when a page renders it. Checking never caches: the live editor's checks (bodies of up to
 * 1 MB on every pause in typing) leave nothing behind. What pages run is kept in one cache,
 * bounded by bytes.
 */

export type CompiledBody = {
  /** The body as a component; pass the components map as its `components` prop. */
  Content: MDXContent;
  references: BodyReferences;
};

/** A body check: what is wrong, where the body points, and (when nothing is) its compiled code and plain text. */
export type BodyCheck = { issues: MdxIssue[]; references?: BodyReferences; code?: string; text?: string };

/** What compiling a body gives: its code, where it points, and its plain text (lib/mdx/plain-text.ts). */
export type CompiledCode = { code: string; references: BodyReferences; text: string };

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

let loaded: Promise<typeof import('@mdx-js/mdx')> | undefined;

/**
 * @mdx-js/mdx, imported once, as an ES module (the content check runs this file under tsx as
 * CommonJS, where its ESM-only dependencies cannot be required). An import() per body went
 * through the module loader's hooks each time: a third of the cost of indexing a story.
 */
function mdx() {
  loaded ??= import('@mdx-js/mdx');
  return loaded;
}

let compiled = 0;

/** Bodies compiled by this process: the content index makes rendering need none (ADR 0010). */
export function bodiesCompiled(): number {
  return compiled;
}

/**
 * Compiles a body to the code the content index keeps (a function body). The safety plugin
 * refuses code, HTML and unknown components, so only what lib/mdx/allowed-components.ts lists
 * ever runs. Throws on a body that is not allowed or does not compile.
 */
export async function compileBodyCode(source: string): Promise<CompiledCode> {
  const { compile } = await mdx();
  compiled++;
  const file = await compile(source, storyCompileOptions);
  return { code: String(file), references: referencesOf(file), text: plainTextOfFile(file) };
}

/** The component of code made by compileBodyCode, run once and kept while the cache has room. */
export function runBodyCode(code: string): Promise<MDXContent> {
  const key = contentHash(code);
  const hit = ran.get(key);
  if (hit) return hit;
  const made = (async () => {
    const { run } = await mdx();
    // No baseUrl: stories cannot import anything (the safety plugin refuses import and export).
    return (await run(code, { ...runtime })).default;
  })();
  ran.set(key, made, code.length * 2);
  made.catch(() => ran.delete(key));
  return made;
}

/** Compiles and runs a body (tests, and tools that render a text that is in no index). */
export async function compileBody(source: string): Promise<CompiledBody> {
  const { code, references } = await compileBodyCode(source);
  return { Content: await runBodyCode(code), references };
}

/**
 * What is wrong with a body, at lines and columns of its file (front matter lines are blank in
 * `StoryFile.body`, so positions match), and its code when nothing is. Nothing is cached.
 */
export async function checkBody(source: string): Promise<BodyCheck> {
  try {
    return { issues: [], ...(await compileBodyCode(source)) };
  } catch (error) {
    return { issues: toMdxIssues(error), references: isMdxContentError(error) ? error.references : undefined };
  }
}
