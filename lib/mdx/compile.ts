import { createHash } from 'node:crypto';
import { compile, run } from '@mdx-js/mdx';
import type { MDXContent } from 'mdx/types';
import * as runtime from 'react/jsx-runtime';
import remarkGfm from 'remark-gfm';

/** Compiled bodies by source hash: a story compiles once per process until its text changes. */
const cache = new Map<string, Promise<MDXContent>>();
const CACHE_LIMIT = 2000;

/**
 * Compiles an MDX body at run time (content changes without a rebuild) into a component that
 * takes the components map as a prop. Compile errors propagate: during background regeneration
 * Next then keeps serving the last good page.
 */
export function compileBody(source: string): Promise<MDXContent> {
  const key = createHash('sha256').update(source).digest('base64url');
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = compileUncached(source);
  cache.set(key, compiled);
  compiled.catch(() => cache.delete(key));
  if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  return compiled;
}

async function compileUncached(source: string): Promise<MDXContent> {
  const code = await compile(source, {
    outputFormat: 'function-body',
    remarkPlugins: [remarkGfm],
    development: false,
  });
  const mod = await run(String(code), { ...runtime, baseUrl: import.meta.url });
  return mod.default;
}
