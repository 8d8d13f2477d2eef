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

/** Compiled bodies by source hash: a story compiles once per process until its text changes. */
const cache = new Map<string, Promise<CompiledBody>>();
const CACHE_LIMIT = 2000;

/**
 * Compiles an MDX body at run time (content changes without a rebuild) into a component that
 * takes the components map as a prop. The safety plugin refuses code, HTML and unknown
 * components, so only what lib/mdx/allowed-components.ts lists ever runs. Compile errors
 * propagate: during background regeneration Next then keeps serving the last good page.
 */
export function compileBody(source: string): Promise<CompiledBody> {
  const key = createHash('sha256').update(source).digest('base64url');
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = compileUncached(source);
  cache.set(key, compiled);
  compiled.catch(() => cache.delete(key));
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return compiled;
}

async function compileUncached(source: string): Promise<CompiledBody> {
  const { code, references } = await compileBodyCode(source);
  return { Content: await runBodyCode(code), references };
}

/**
 * Compiles a body to the code the content index keeps (a function body), so a page renders a
 * story by running it, without compiling again. Throws like compileBody.
 */
export async function compileBodyCode(source: string): Promise<{ code: string; references: BodyReferences }> {
  // Loaded on first use, as an ES module: the content check runs this file under tsx as CommonJS,
  // where @mdx-js/mdx's ESM-only dependencies cannot be required.
  const { compile } = await mdx();
  compiled++;
  const file = await compile(source, storyCompileOptions);
  return { code: String(file), references: referencesOf(file) };
}

let compiled = 0;

let loaded: Promise<typeof import('@mdx-js/mdx')> | undefined;

/**
 * @mdx-js/mdx, imported once: an import() per body went through the module loader's hooks each
 * time (under tsx, a message to its loader thread), a third of the cost of indexing a story.
 */
function mdx() {
  loaded ??= import('@mdx-js/mdx');
  return loaded;
}

/** Bodies compiled by this process: the content index should make rendering need none (ADR 0010). */
export function bodiesCompiled(): number {
  return compiled;
}

/** Kept bodies by code hash: running one is cheap, but a hot story need not be run on each render. */
const ran = new Map<string, Promise<MDXContent>>();
const RAN_LIMIT = 500;

/** The component of code made by compileBodyCode (checked by the safety plugin when it was made). */
export function runBodyCode(code: string): Promise<MDXContent> {
  const key = createHash('sha1').update(code).digest('base64url');
  const hit = ran.get(key);
  if (hit) return hit;
  const made = (async () => {
    const { run } = await mdx();
    // No baseUrl: stories cannot import anything (the safety plugin refuses import and export).
    return (await run(code, { ...runtime })).default;
  })();
  ran.set(key, made);
  made.catch(() => ran.delete(key));
  if (ran.size > RAN_LIMIT) ran.delete(ran.keys().next().value!);
  return made;
}

/**
 * What is wrong with a body, at lines and columns of its file (front matter lines are blank in
 * `Article.body`, so positions match). Empty when it compiles. The compiled result is cached, so
 * a checked story renders without compiling again.
 */
export async function checkBody(source: string): Promise<BodyCheck> {
  try {
    const { code, references } = await compileBodyCode(source);
    return { issues: [], references, code };
  } catch (error) {
    return { issues: toMdxIssues(error), references: isMdxContentError(error) ? error.references : undefined };
  }
}

/** A body check: what is wrong, where the body points, and (when nothing is) its compiled code. */
export type BodyCheck = { issues: MdxIssue[]; references?: BodyReferences; code?: string };
