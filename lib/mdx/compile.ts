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
  // Loaded on first use, as an ES module: the content check runs this file under tsx as CommonJS,
  // where @mdx-js/mdx's ESM-only dependencies cannot be required.
  const { compile, run } = await import('@mdx-js/mdx');
  const file = await compile(source, storyCompileOptions);
  // No baseUrl: stories cannot import anything (the safety plugin refuses import and export).
  const mod = await run(String(file), { ...runtime });
  return { Content: mod.default, references: referencesOf(file) };
}

/**
 * What is wrong with a body, at lines and columns of its file (front matter lines are blank in
 * `Article.body`, so positions match). Empty when it compiles. The compiled result is cached, so
 * a checked story renders without compiling again.
 */
export async function checkBody(source: string): Promise<{ issues: MdxIssue[]; references?: BodyReferences }> {
  try {
    return { issues: [], references: (await compileBody(source)).references };
  } catch (error) {
    return { issues: toMdxIssues(error), references: isMdxContentError(error) ? error.references : undefined };
  }
}
