import 'server-only';
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { bodiesCompiled } from '@/lib/mdx/compiled-count';
import { contentDir } from '../content-dir';
import { formatProblem, type ContentProblem } from '../problems';
import { indexFile, indexIdentity, isComplete, markComplete, openIndex, sql, type IndexDb } from './database';
import type { ReconcileOptions, ReconcileResult } from './reconcile';
import { pathsMovedSinceIndexed } from './stamps';
import { watchContent, type ContentWatcher } from './watcher';

/**
 * The content index of this process: opened once, filled from the files when it is missing or
 * incomplete, then kept in step by a watcher on the content directories. Every page reads
 * through `contentDb()`; nothing else opens the database.
 */

/** A content file that changed, as far as pages care (a webhook names them: lib/revalidate/changes.ts). */
export type ContentChange =
  { kind: 'story'; slug: string } | { kind: 'update'; story: string; id: string } | { kind: 'author'; id: string } | { kind: 'sections' };

/** The files (relative to the content directory) that can hold these changes. */
function contentPathsOf(changes: readonly ContentChange[]): string[] {
  return changes.flatMap((c) => {
    switch (c.kind) {
      case 'story':
        return [`articles/${c.slug}.mdx`];
      case 'update':
        return [`live/${c.story}/${c.id}.mdx`];
      case 'author':
        return [`authors/${c.id}.yaml`, `authors/${c.id}.yml`];
      case 'sections':
        return ['sections.yaml'];
    }
  });
}

/**
 * Reading files (reconcile.ts, and through it the front matter schema and the MDX compiler) is
 * loaded when a file has to be read, not with the first page after a restart: a server whose
 * index is whole answers without it.
 */
function reconciler() {
  return import('@/lib/content/index/reconcile');
}

export type IndexStatus = {
  state: 'starting' | 'rebuilding' | 'ready' | 'failed';
  /** Why the index was rebuilt at start (missing, corrupt, outdated, incomplete), and how long it took. */
  rebuilt?: { reason: string; ms: number };
  error?: string;
};

type State = {
  dir: string;
  file: string;
  status: IndexStatus;
  ready: Promise<IndexDb>;
  db?: IndexDb;
  watcher?: ContentWatcher;
  /** Paths the watcher reported and no reconcile has read yet. */
  pending: Set<string>;
  /** Set when the watcher could not say which files changed: compare every stamp. */
  scanAll: boolean;
  /** performance.now() before which a request does not start that comparison (just after a start). */
  scanAllFrom: number;
  reconciling?: Promise<ReconcileResult | undefined>;
  filesParsed: number;
  logged: Set<string>;
  /** While above 0, files are being rewritten (a checkout): nothing is read until it ends. */
  held: number;
  /** The last checkout update failed, perhaps halfway: nothing is read until one succeeds. */
  checkoutBroken: boolean;
};

/** Files are not read while a checkout is rewritten, or after one failed. */
const frozen = (s: State) => s.held > 0 || s.checkoutBroken;

/**
 * How long after a start the stamps are compared with the files (files changed while no server
 * ran; `npm run build` has just indexed them on a deploy). The comparison takes the other core
 * for a while at 100,000 stories, and run at once it slowed the first requests after a restart
 * (ADR 0010). The watcher sees every change from the start.
 */
const START_SCAN_DELAY_MS = Number(process.env.CONTENT_START_SCAN_DELAY_MS ?? 2000);

/** Without a watcher, how often every file's stamp is compared. */
const POLL_MS = Number(process.env.CONTENT_POLL_MS ?? 10_000);

// One index per process: Next may evaluate this module once per route bundle, so it lives on globalThis.
const KEY = Symbol.for('news-rebeat.content-index');
const registry = globalThis as typeof globalThis & { [KEY]?: State };

function state(): State {
  const dir = contentDir();
  const current = registry[KEY];
  if (current && current.dir === dir) return current;
  current?.watcher?.close();
  const s: State = {
    dir,
    file: indexFile(dir),
    status: { state: 'starting' },
    ready: Promise.resolve(undefined as never),
    pending: new Set(),
    scanAll: false,
    scanAllFrom: 0,
    filesParsed: 0,
    logged: new Set(),
    held: 0,
    checkoutBroken: false,
  };
  s.ready = start(s);
  s.ready.catch(() => undefined);
  registry[KEY] = s;
  return s;
}

/**
 * The index, once it holds the whole archive. A request that arrives while it is being rebuilt
 * waits for it: readers are never served part of the archive as if it were all of it.
 */
export async function contentDb(): Promise<IndexDb> {
  const s = state();
  const db = await s.ready;
  // A file the watcher saw change is read before this request is answered (a few milliseconds for
  // a few files), so a page asked for right after a save shows it. A full stamp comparison (after
  // a start) runs in the background.
  s.watcher?.flush();
  if (frozen(s)) return db;
  if (s.pending.size) await readPending(s, db);
  else if (s.scanAll && performance.now() >= s.scanAllFrom) void catchUp(s);
  return db;
}

/**
 * Runs `rewrite` (a `git fetch` and `reset` of the content checkout) with the index held as it
 * was: the watcher's news waits, so readers never get a mix of old and new files. When it has
 * succeeded, every file it moved is read and written in one transaction, readers going from the
 * old archive to the new at once. When it fails (perhaps halfway), the index keeps the archive as
 * it was, reading nothing, until a rewrite succeeds (the next push).
 */
export async function whileFilesChange<T extends { ok: boolean }>(rewrite: () => Promise<T>): Promise<T> {
  const s = state();
  const db = await s.ready;
  s.held++;
  try {
    await s.reconciling?.catch(() => undefined);
    const done = await rewrite().catch((error: unknown) => {
      checkoutFailed(s);
      throw error;
    });
    if (!done.ok) {
      checkoutFailed(s);
      return done;
    }
    s.checkoutBroken = false;
    // The watcher's paths are among the stamps that moved.
    s.pending.clear();
    const moved = await pathsMovedSinceIndexed(s.dir, s.file).catch(() => undefined);
    if (!moved || moved.length) await reconcileLogged(s, db, { paths: moved, atomic: true });
    return done;
  } finally {
    s.held--;
  }
}

function checkoutFailed(s: State) {
  if (!s.checkoutBroken)
    console.error(`[content] the content checkout ${s.dir} could not be updated: serving the archive as it was until a pull succeeds`);
  s.checkoutBroken = true;
}

/**
 * Reads one file now if it changed since the index last read it: a story asked for right after its
 * file was written, before the watcher said so. One stat, so an unknown address costs no more.
 */
export async function readIfChanged(rel: string): Promise<boolean> {
  const s = state();
  const db = await s.ready;
  if (frozen(s)) return false;
  const known = sql(db, 'SELECT mtime_ms, size FROM files WHERE path = ?').get(rel) as { mtime_ms: number; size: number } | undefined;
  let info: { mtimeMs: number; size: number } | undefined;
  try {
    info = await stat(path.join(s.dir, rel));
  } catch {
    info = undefined;
  }
  if (!info ? !known : known && known.mtime_ms === info.mtimeMs && known.size === info.size) return false;
  await reconcileLogged(s, db, { paths: [rel] });
  return true;
}

/** Reads the files the watcher named, even while a full comparison runs (each write is whole). */
async function readPending(s: State, db: IndexDb) {
  const paths = [...s.pending];
  s.pending.clear();
  try {
    await reconcileLogged(s, db, { paths });
  } catch (error) {
    console.error('[content] reading changed files failed:', error);
  }
}

/** A story file's text as it is on disk now, for the live editor. */
export async function readStorySource(slug: string): Promise<{ file: string; source: string } | undefined> {
  const { readStorySource: read } = await reconciler();
  return read(state().dir, slug);
}

/** A live update file's text as it is on disk now, for the live editor. */
export async function readUpdateSource(story: string, id: string): Promise<{ file: string; source: string } | undefined> {
  const { readUpdateSource: read } = await reconciler();
  return read(state().dir, story, id);
}

/** For /api/health and the bench: whether the index is ready, and what this process has done. */
export function indexStatus(): IndexStatus & { filesParsed: number; bodiesCompiled: number } {
  const s = state();
  // Asking starts the index (a health check may be the first request).
  return { ...s.status, filesParsed: s.filesParsed, bodiesCompiled: bodiesCompiled() };
}

/**
 * Reads the files that can hold these changes (a push's list) now, without waiting for the
 * watcher; compares every file's stamp when `changes` is undefined.
 */
export function refreshContentChanges(changes?: readonly ContentChange[]): Promise<ReconcileResult | undefined> {
  return refreshContentIndex(changes ? contentPathsOf(changes) : undefined);
}

export async function refreshContentIndex(paths?: readonly string[]): Promise<ReconcileResult | undefined> {
  const s = state();
  await s.ready;
  if (paths) paths.forEach((p) => s.pending.add(p));
  else s.scanAll = true;
  // A reconcile under way may have read the files before this change: run another after it.
  while (s.reconciling) await s.reconciling;
  return catchUp(s);
}

/**
 * Another instance revalidated pages (the shared Redis cache saw a newer tag expiry): read changed
 * files before this instance renders. Registered on globalThis because the cache handler is plain
 * JavaScript loaded outside the route bundles (lib/cache/).
 */
(globalThis as Record<symbol, unknown>)[Symbol.for('news-rebeat.refresh-content')] = () => refreshContentIndex();

export type PreparedIndex = { db: IndexDb; rebuilt?: { reason: string; ms: number; result: ReconcileResult } };

/**
 * Opens the index of `dir` at `file`, rebuilding it from the files first when it is missing,
 * corrupt, outdated or incomplete; `npm run build` (scripts/content-index.mts) and the server
 * both start here. An index that was complete is returned as it is: the caller compares stamps.
 */
export async function prepareIndex(
  file: string,
  dir: string,
  options: Omit<ReconcileOptions, 'paths'> = {},
  onRebuild?: (reason: string) => void,
): Promise<PreparedIndex> {
  const began = performance.now();
  return withRebuildLock(`${file}.lock`, async () => {
    const opened = openIndex(file, dir);
    const reason = opened.created ?? (isComplete(opened.db) ? undefined : 'incomplete');
    if (!reason) return { db: opened.db };
    onRebuild?.(reason);
    console.log(`[content] index ${reason} (${file}): rebuilding it from ${dir}`);
    const { reconcile } = await reconciler();
    const result = await reconcile(opened.db, dir, { onProgress: progressLog('[content] rebuilding index'), ...options });
    markComplete(opened.db);
    const ms = Math.round(performance.now() - began);
    console.log(`[content] index rebuilt: ${result.scanned} files, ${result.compiled} bodies checked in ${ms} ms`);
    return { db: opened.db, rebuilt: { reason, ms, result } };
  });
}

async function start(s: State): Promise<IndexDb> {
  try {
    const began = performance.now();
    // A missing index is rebuilt by the indexer on every core when this install has it (npm ci
    // brings tsx), else in this process on one.
    const reason = needsRebuild(s.file, s.dir);
    const byIndexer = reason ? await rebuildWithIndexer(s, reason) : false;
    const { db, rebuilt: inProcess } = await prepareIndex(s.file, s.dir, {}, () => (s.status = { state: 'rebuilding' }));
    const rebuilt = byIndexer && reason ? { reason, ms: Math.round(performance.now() - began), result: undefined } : inProcess;
    if (rebuilt) {
      if (rebuilt.result) {
        s.filesParsed += rebuilt.result.parsed;
        logResult(s, db, rebuilt.result);
      }
      s.status = { state: 'ready', rebuilt: { reason: rebuilt.reason, ms: rebuilt.ms } };
    } else {
      s.status = { state: 'ready' };
      // Files may have changed while no server ran: compare stamps in the background.
      s.scanAll = true;
    }
    s.db = db;
    // Renditions are derived (ADR 0016): a deleted folder, or a picture replaced under the same name, is made again.
    // By the server only: a Playwright worker that reads the index (e2e/pages/seo.spec.ts) cannot compile the lazy import.
    if (process.env.NEXT_RUNTIME === 'nodejs') setTimeout(() => void restorePictures(db), START_SCAN_DELAY_MS).unref();
    s.watcher = watchContent(s.dir, (paths) => {
      if (paths) paths.forEach((p) => s.pending.add(p));
      else s.scanAll = true;
      // Next turn: a request that flushed the watcher reads the paths itself, and waits for them.
      setImmediate(() => void catchUp(s));
    });
    if (s.scanAll) {
      s.scanAllFrom = performance.now() + START_SCAN_DELAY_MS;
      setTimeout(() => void catchUp(s), START_SCAN_DELAY_MS).unref();
    }
    if (!s.watcher.watching() && process.env.CONTENT_WATCH !== '0') {
      // No watch could be set (the system's inotify limit): compare every stamp now and then.
      console.warn(`[content] cannot watch ${s.dir}: comparing file stamps every ${POLL_MS / 1000} s instead`);
      setInterval(() => {
        s.scanAll = true;
        void catchUp(s);
      }, POLL_MS).unref();
    }
    return db;
  } catch (error) {
    s.status = { state: 'failed', error: error instanceof Error ? error.message : String(error) };
    console.error(`[content] could not open the content index ${s.file}:`, error);
    throw error;
  }
}

/** Makes again the renditions of pictures whose folder is gone or whose file changed, in the background. */
async function restorePictures(db: IndexDb) {
  try {
    const { allPictureRefs, picturesToWrite, writePictures } = await import('@/lib/content/index/picture-rows');
    // The index may have been closed meanwhile (tests, a shutdown): nothing to check, or to write.
    if (!db.open) return;
    const rows = await picturesToWrite(db, allPictureRefs(db));
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- closed while the renditions were made: `open` changes under await
    if (rows.length && db.open) {
      db.transaction(() => writePictures(db, rows))();
      console.log(`[media] renditions made again for ${rows.length} picture(s)`);
    }
  } catch (error) {
    console.error('[media] checking renditions at start failed:', error);
  }
}

/** Why the index at `file` cannot be used as it is, or undefined when it can (read-only look). */
function needsRebuild(file: string, dir: string): string | undefined {
  if (!existsSync(file)) return 'missing';
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const meta = Object.fromEntries(
        (db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]),
      );
      const want = indexIdentity(dir);
      if (meta.format !== want.format || meta.rules !== want.rules || meta.contentDir !== want.contentDir) return 'outdated';
      return meta.complete === '1' ? undefined : 'incomplete';
    } finally {
      db.close();
    }
  } catch {
    return 'corrupt';
  }
}

/** The indexer script (scripts/content-index.mts) run by tsx, when both are installed. */
function indexerCommand(): string[] | undefined {
  const root = process.cwd();
  const tsx = path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const script = path.join(root, 'scripts', 'content-index.mts');
  return existsSync(/*turbopackIgnore: true*/ tsx) && existsSync(/*turbopackIgnore: true*/ script) ? [tsx, script] : undefined;
}

/** Rebuilds the index in a child process that checks bodies on every core; false when it could not. */
async function rebuildWithIndexer(s: State, reason: string): Promise<boolean> {
  const command = indexerCommand();
  if (!command || process.env.CONTENT_INDEX_WORKERS === '0') return false;
  s.status = { state: 'rebuilding' };
  console.log(`[content] index ${reason} (${s.file}): rebuilding it from ${s.dir} with the indexer`);
  const child = spawn(process.execPath, command, {
    env: { ...process.env, CONTENT_DIR: s.dir, CONTENT_INDEX_FILE: s.file },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const code = await new Promise<number | null>((resolve) => {
    child.once('exit', resolve);
    child.once('error', () => resolve(null));
  });
  if (code !== 0) console.error(`[content] the indexer exited with ${code}: rebuilding in this process instead`);
  return code === 0;
}

/** One reconcile at a time per process; changes that arrive meanwhile are taken by the next. */
function catchUp(s: State): Promise<ReconcileResult | undefined> {
  if (frozen(s)) return Promise.resolve(undefined);
  if (s.reconciling || !s.db) return s.reconciling ?? Promise.resolve(undefined);
  const db = s.db;
  const run = (async () => {
    let last: ReconcileResult | undefined;
    while (s.pending.size || s.scanAll) {
      const everything = s.scanAll;
      s.scanAll = false;
      // Every stamp is compared on a worker thread; only what moved is read here.
      const moved = everything ? await pathsMovedSinceIndexed(s.dir, s.file).catch(() => undefined) : [];
      const paths = everything && !moved ? undefined : [...s.pending, ...(moved ?? [])];
      s.pending.clear();
      if (paths && paths.length === 0) continue;
      last = await reconcileLogged(s, db, { paths });
    }
    return last;
  })();
  s.reconciling = run.finally(() => {
    s.reconciling = undefined;
  });
  s.reconciling.catch((error: unknown) => {
    console.error('[content] reconcile failed:', error);
  });
  return s.reconciling;
}

async function reconcileLogged(s: State, db: IndexDb, options: ReconcileOptions): Promise<ReconcileResult> {
  const { reconcile } = await reconciler();
  const result = await reconcile(db, s.dir, options);
  s.filesParsed += result.parsed;
  logResult(s, db, result);
  return result;
}

/** Each file's problems once, and for a story readers have, that its last good version stays. */
function logResult(s: State, db: IndexDb, result: ReconcileResult) {
  for (const [rel, problems] of result.problems) {
    logProblems(s, problems);
    const slug = /^articles\/(.+)\.mdx$/.exec(rel)?.[1];
    if (!slug || !problems.some((p) => p.severity === 'error')) continue;
    if (!sql(db, 'SELECT 1 FROM stories WHERE slug = ?').get(slug)) continue;
    const past = result.fromHistory.get(slug);
    const line = past
      ? `[content] story ${slug} has errors; its last good version, from git (commit ${past}), is served until they are fixed`
      : `[content] story ${slug} has errors; its last good page stays until they are fixed`;
    if (!s.logged.has(`${line}:${problems.map(formatProblem).join()}`)) {
      s.logged.add(`${line}:${problems.map(formatProblem).join()}`);
      console.error(line);
    }
  }
}

/** One log line per problem per process, so a broken file is reported once, not on every request. */
function logProblems(s: State, problems: readonly ContentProblem[]) {
  for (const problem of problems) {
    const line = formatProblem(problem);
    if (s.logged.has(line)) continue;
    s.logged.add(line);
    const log = problem.severity === 'error' ? console.error : console.warn;
    log(`[content] ${problem.severity === 'error' ? 'left out' : 'warning'}: ${line}`);
  }
}

/** A line every few seconds: a rebuild of a large archive takes minutes. */
export function progressLog(label: string) {
  let last = 0;
  return (done: number, total: number) => {
    if (Date.now() - last < 5000 && done < total) return;
    last = Date.now();
    console.log(`${label}: ${done.toLocaleString('en')}/${total.toLocaleString('en')} stories`);
  };
}

/**
 * Only one process builds a missing index (Next runs several build workers): the others wait for
 * the lock, then open what it made. A lock left by a process that died is taken over.
 */
async function withRebuildLock<T>(lock: string, fn: () => Promise<T>): Promise<T> {
  mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      const fd = openSync(lock, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive(lock)) {
        rmSync(lock, { force: true });
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { force: true });
  }
}

function holderAlive(lock: string): boolean {
  try {
    const text = readFileSync(lock, 'utf8');
    // Created but not yet written: its holder is between two calls.
    if (text === '') return true;
    const pid = Number(text);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive but not ours; ENOENT: released meanwhile (try again).
    return (error as NodeJS.ErrnoException).code === 'EPERM' || (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

/** Closes this process's index and forgets it, as a restart would (tests, and the bench's tools). */
export async function closeContentIndex(): Promise<void> {
  const s = registry[KEY];
  if (!s) return;
  registry[KEY] = undefined;
  s.watcher?.close();
  await s.ready.catch(() => undefined);
  await s.reconciling?.catch(() => undefined);
  s.db?.close();
}
