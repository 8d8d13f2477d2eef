import { createHash } from 'node:crypto';

/**
 * The one hash of a text that the content index keys by: a file's bytes (reconcile.ts, "did it
 * change?") and a compiled body (lib/mdx/compile.ts, the run cache). Not for secrets: SHA-1 is
 * chosen for speed, and a collision would only cost a stale cache entry.
 */
export function contentHash(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}
