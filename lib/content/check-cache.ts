import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BodyReferences, MdxIssue } from '@/lib/mdx/safe-mdx';

/**
 * Body check results carried from `next build` to `next start`: compiling every body again at a cold
 * start costs about 5 ms a story (a minute of CPU at 10,000), and the build has just done it with
 * the same code. Kept beside the build's output, which `next build` empties, so a result is never
 * used by code other than the code that made it. Keyed by a hash of the body: an edited story is
 * checked again.
 */
export type BodyCheck = { issues: MdxIssue[]; references?: BodyReferences };

type CacheFile = { format: 1; checks: Record<string, BodyCheck> };

/**
 * Where the cache lives: only inside Next (build workers and the server, where NEXT_RUNTIME is set),
 * never for the content check or tests, which must check every body themselves.
 * CONTENT_CHECK_CACHE names another file, or `off`.
 */
export function checkCacheFile(): string | undefined {
  const configured = process.env.CONTENT_CHECK_CACHE;
  if (configured === 'off') return undefined;
  if (configured) return path.resolve(configured);
  if (process.env.NEXT_RUNTIME !== 'nodejs') return undefined;
  return path.resolve(process.env.NEXT_DIST_DIR ?? '.next', 'content-checks.json');
}

export function bodyKey(body: string): string {
  return createHash('sha1').update(body).digest('base64url');
}

/** The cached results, or none when the file is missing or unreadable (they are then recomputed). */
export function readCheckCache(file: string): Map<string, BodyCheck> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (parsed?.format !== 1 || typeof parsed.checks !== 'object' || parsed.checks === null) return new Map();
    return new Map(Object.entries(parsed.checks));
  } catch {
    return new Map();
  }
}

/**
 * Adds these results to the file. Several build workers write it: each merges what is there and
 * replaces the file whole (rename), so a reader never sees half a file. A failed write only costs
 * checks at the next start.
 */
export function writeCheckCache(file: string, checks: ReadonlyMap<string, BodyCheck>): void {
  try {
    const merged = readCheckCache(file);
    for (const [key, check] of checks) merged.set(key, check);
    const temp = `${file}.${process.pid}.tmp`;
    const body: CacheFile = { format: 1, checks: Object.fromEntries(merged) };
    writeFileSync(temp, JSON.stringify(body));
    renameSync(temp, file);
  } catch {
    // Read-only or missing directory: the next start checks the bodies itself.
  }
}
