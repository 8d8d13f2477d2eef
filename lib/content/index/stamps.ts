import 'server-only';
import { runWorkerOnce } from '@/lib/worker/run-worker-once';

/**
 * Every content file's stamp (size and mtime), read on a worker thread. At 100,000 stories the
 * stats alone are a second of the event loop's time, which a server comparing stamps after a
 * start would take from its first readers; on a worker they take the other core.
 */

/** A listed file and its stamp; no stamp when it could not be read as a file. */
export type ListedFile = { rel: string; stamp?: { mtimeMs: number; size: number } };

/** The folders that hold content, and the one file beside them. */
const FOLDERS = ['authors', 'articles'];
const TOP_FILES = ['sections.yaml'];
/** Folders of folders: live/<story>/<update>.mdx (ADR 0011). */
const NESTED = ['live'];

type Listing = { rels: string[]; mtimes: Float64Array; sizes: Float64Array };

// The worker's source, self-contained so that no bundler has to find a worker file.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { readdirSync, statSync } = require('node:fs');
const path = require('node:path');
const { dir, folders, nested, topFiles } = workerData;
// Not a file, or gone: no stamp.
try {
  const rels = [...topFiles];
  const all = [...folders];
  for (const parent of nested) {
    try {
      for (const e of readdirSync(path.join(dir, parent), { withFileTypes: true })) if (e.isDirectory()) all.push(parent + '/' + e.name);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
  }
  for (const folder of all) {
    let names = [];
    try {
      names = readdirSync(path.join(dir, folder), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
    } catch (error) {
      if (error.code !== 'ENOENT') throw error;
    }
    for (const name of names) rels.push(folder + '/' + name);
  }
  const mtimes = new Float64Array(rels.length);
  const sizes = new Float64Array(rels.length);
  rels.forEach((rel, i) => {
    try {
      const info = statSync(path.join(dir, rel));
      mtimes[i] = info.isFile() ? info.mtimeMs : NaN;
      sizes[i] = info.size;
    } catch {
      mtimes[i] = NaN;
    }
  });
  if (!workerData.index) {
    parentPort.postMessage({ rels, mtimes, sizes }, [mtimes.buffer, sizes.buffer]);
  } else {
    // Compared with what the index recorded: only paths that moved go back to the main thread.
    const Database = require('better-sqlite3');
    const db = new Database(workerData.index, { readonly: true, fileMustExist: true });
    const known = new Map();
    try {
      for (const [rel, mtime, size] of db.prepare('SELECT path, mtime_ms, size FROM files').raw().iterate()) known.set(rel, [mtime, size]);
    } finally {
      db.close();
    }
    const moved = [];
    rels.forEach((rel, i) => {
      const row = known.get(rel);
      known.delete(rel);
      if (Number.isNaN(mtimes[i]) ? row !== undefined : !row || row[0] !== mtimes[i] || row[1] !== sizes[i]) moved.push(rel);
    });
    for (const rel of known.keys()) moved.push(rel);
    parentPort.postMessage({ moved });
  }
} catch (error) {
  parentPort.postMessage({ error: String(error && error.message || error) });
}
`;

function onWorker<T>(data: { dir: string; index?: string }): Promise<T> {
  return runWorkerOnce<T>(WORKER, { ...data, folders: FOLDERS, nested: NESTED, topFiles: TOP_FILES });
}

/** Every content file with its stamp, listed and stated on a worker thread. Rejects when no worker can start. */
export async function listContentFiles(dir: string): Promise<ListedFile[]> {
  const listing = await onWorker<Listing>({ dir });
  return listing.rels.map((rel, i): ListedFile => {
    const mtimeMs = listing.mtimes[i]!;
    return Number.isNaN(mtimeMs) ? { rel } : { rel, stamp: { mtimeMs, size: listing.sizes[i]! } };
  });
}

/**
 * The paths whose stamp differs from what the index at `indexFile` recorded, new and deleted files
 * included, compared on a worker thread (it reads the index's `files` table itself: 100,000 rows are
 * half a second of the event loop). Rejects when no worker can start.
 */
export async function pathsMovedSinceIndexed(dir: string, indexFile: string): Promise<string[]> {
  return (await onWorker<{ moved: string[] }>({ dir, index: indexFile })).moved;
}
