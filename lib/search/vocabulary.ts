import SearchableMap from 'minisearch/SearchableMap';
import { type IndexDb, perConnection } from '@/lib/content/index/database';
import { runWorkerOnce } from '@/lib/worker/run-worker-once';

/*
 * Every indexed term, in a radix tree for prefix and typo expansion (MiniSearch's SearchableMap),
 * loaded from `search_terms` on a connection's first search. The values are how many stories
 * used the term when it was loaded.
 *
 * After a restart the rows are read on a worker thread as soon as the index opens
 * (prefetchVocabulary, from instrumentation.ts), while the first request loads its modules on the
 * main thread; the tree is built as it is read (LazyNode).
 *
 * Freshness: writes through this process's writer (search-rows.ts) add their new terms at once.
 * A change committed by any other connection or process moves both the `meta` revision and
 * SQLite's data_version for this connection, and the tree is then reloaded. Terms that stop
 * being used stay in the tree until then: a superset only costs a branch that matches nothing.
 */
export type Vocabulary = SearchableMap<number>;

type Loaded = { terms: Vocabulary; revision: string | undefined; dataVersion: number };

// On globalThis: instrumentation.ts and the route bundles may each evaluate this module.
const REGISTRY = Symbol.for('news-rebeat.vocabulary');
/** A prefetch: settles when the worker has answered; `rows` is set if it read them. */
type Prefetch = { done: Promise<void>; rows?: Rows };
type Registry = { loaded: WeakMap<IndexDb, Loaded>; prefetched: WeakMap<IndexDb, Prefetch> };
const registry = ((globalThis as typeof globalThis & { [REGISTRY]?: Registry })[REGISTRY] ??= {
  loaded: new WeakMap(),
  prefetched: new WeakMap(),
});
const loaded = registry.loaded;

/** The vocabulary's rows, sorted, and the index revision they were read at. */
type Rows = { revision: string | undefined; keys: string[]; values: number[] };

// Read here and on the worker alike. One string per column: 100,000 rows come back as two
// strings, not 100,000 arrays (the faster read here, and the cheaper message from a worker).
const REVISION_SQL = "SELECT value FROM meta WHERE key = 'revision'";
const TERMS_SQL = "SELECT group_concat(term, char(10) ORDER BY term), group_concat(stories, ',' ORDER BY term) FROM search_terms";
type TermColumns = [terms: string | null, stories: string | null];

function prepare(db: IndexDb) {
  return {
    revision: db.prepare<[], string>(REVISION_SQL).pluck(),
    terms: db.prepare<[], TermColumns>(TERMS_SQL).raw(),
  };
}
const statements = perConnection(prepare);

function dataVersion(db: IndexDb): number {
  return db.pragma('data_version', { simple: true }) as number;
}

type Tree = Map<string, Tree | number>;

/**
 * A node of SearchableMap's radix tree (edges labelled with the rest of a key, '' holding a key's
 * value) over a range of sorted keys, that works out its children the first time it is read. A
 * typo or prefix lookup reads only the branches within its reach, so loading the vocabulary costs
 * the read of its rows, not the building of the whole tree (ADR 0008 has the figures). Every Map
 * method materializes the node first, so SearchableMap reads and changes it as any Map.
 */
class LazyNode extends Map<string, Tree | number> {
  private range: { keys: readonly string[]; values: readonly number[]; lo: number; hi: number; depth: number } | undefined;

  constructor(keys: readonly string[], values: readonly number[], lo: number, hi: number, depth: number) {
    super();
    this.range = { keys, values, lo, hi, depth };
  }

  private materialize(): void {
    const range = this.range;
    if (!range) return;
    this.range = undefined;
    const { keys, values, hi, depth } = range;
    let i = range.lo;
    if (i < hi && keys[i]!.length === depth) super.set('', values[i++]!);
    while (i < hi) {
      const first = keys[i]!;
      const unit = first.charCodeAt(depth);
      let j = i + 1;
      while (j < hi && keys[j]!.charCodeAt(depth) === unit) j++;
      if (j - i === 1) {
        super.set(first.slice(depth), new Map([['', values[i]!]]));
      } else {
        // Sorted: the group's common prefix is that of its first and last keys.
        const last = keys[j - 1]!;
        let end = depth + 1;
        while (end < first.length && end < last.length && first.charCodeAt(end) === last.charCodeAt(end)) end++;
        super.set(first.slice(depth, end), new LazyNode(keys, values, i, j, end));
      }
      i = j;
    }
  }

  override get size(): number {
    this.materialize();
    return super.size;
  }
  override get(key: string) {
    this.materialize();
    return super.get(key);
  }
  override has(key: string) {
    this.materialize();
    return super.has(key);
  }
  override set(key: string, value: Tree | number) {
    this.materialize();
    return super.set(key, value);
  }
  override delete(key: string) {
    this.materialize();
    return super.delete(key);
  }
  override clear() {
    this.range = undefined;
    super.clear();
  }
  override keys() {
    this.materialize();
    return super.keys();
  }
  override values() {
    this.materialize();
    return super.values();
  }
  override entries() {
    this.materialize();
    return super.entries();
  }
  override forEach(callback: (value: Tree | number, key: string, map: Map<string, Tree | number>) => void, thisArg?: unknown) {
    this.materialize();
    super.forEach(callback, thisArg);
  }
  override [Symbol.iterator]() {
    this.materialize();
    return super[Symbol.iterator]();
  }
}

/** The radix tree of sorted keys (SQLite's order: keys sharing a prefix are adjacent), built as it is read. */
export function radixTree(keys: readonly string[], values: readonly number[]): Tree {
  return new LazyNode(keys, values, 0, keys.length, 0);
}

// The worker's source: the same two reads, in one transaction, on the index file.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
try {
  const Database = require('better-sqlite3');
  const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
  try {
    const read = db.transaction(() => [db.prepare(workerData.revisionSql).pluck().get(), db.prepare(workerData.termsSql).raw().get()]);
    const [revision, columns] = read();
    parentPort.postMessage({ revision, columns });
  } finally {
    db.close();
  }
} catch (error) {
  parentPort.postMessage({ error: String((error && error.message) || error) });
}
`;

/** Sorted keys and their story counts, from the two columns TERMS_SQL reads. */
function rowsOf(revision: string | undefined, [terms, stories]: TermColumns): Rows | undefined {
  const keys = terms ? terms.split('\n') : [];
  const values = stories ? stories.split(',').map(Number) : [];
  return keys.length === values.length ? { revision, keys, values } : undefined;
}

/**
 * Reads the vocabulary's rows of this connection's index file on a worker thread, for its first
 * search. Resolves once the worker has answered: true when it read them (when it could not, the
 * first search reads them itself).
 */
export async function prefetchVocabulary(db: IndexDb): Promise<boolean> {
  const existing = registry.prefetched.get(db);
  if (existing) {
    await existing.done;
    return existing.rows !== undefined;
  }
  if (loaded.has(db)) return false;
  const prefetch: Prefetch = {
    done: runWorkerOnce<{ revision?: string; columns: TermColumns }>(WORKER, {
      file: db.name,
      revisionSql: REVISION_SQL,
      termsSql: TERMS_SQL,
    }).then(
      (answer) => {
        prefetch.rows = rowsOf(answer.revision, answer.columns);
      },
      () => undefined,
    ),
  };
  registry.prefetched.set(db, prefetch);
  await prefetch.done;
  return prefetch.rows !== undefined;
}

/** Waits for a prefetch of this connection's vocabulary under way, if there is one. */
export async function vocabularyPrefetched(db: IndexDb): Promise<void> {
  await registry.prefetched.get(db)?.done;
}

function readRows(db: IndexDb, revision: string | undefined): Rows {
  const rows = rowsOf(revision, statements(db).terms.get() ?? [null, null]);
  // Terms are letters and digits (search-terms.ts): no separator can be inside one.
  if (!rows) throw new Error('search_terms: the terms and their counts differ in number');
  return rows;
}

function load(db: IndexDb, revision: string | undefined, rows: Rows = readRows(db, revision)): Loaded {
  // SQLite sorts by UTF-8 bytes; the tree needs keys sharing a prefix to be adjacent, which that gives too.
  const terms: Vocabulary = new SearchableMap(radixTree(rows.keys, rows.values) as Map<string, never>);
  return { terms, revision, dataVersion: dataVersion(db) };
}

/** Rows a prefetch read, taken once, when they are of the index's current revision. */
function takePrefetched(db: IndexDb, revision: string | undefined): Rows | undefined {
  const rows = registry.prefetched.get(db)?.rows;
  registry.prefetched.delete(db);
  return rows && revision !== undefined && rows.revision === revision ? rows : undefined;
}

/** The vocabulary of this connection's index, loaded or reloaded when another connection changed it. */
export function vocabulary(db: IndexDb): Vocabulary {
  const revision = statements(db).revision.get();
  let state = loaded.get(db);
  if (!state) {
    state = load(db, revision, takePrefetched(db, revision));
  } else if (state.revision !== revision || revision === undefined) {
    // Moved by this connection (the writer has patched the tree), or by another (reload).
    const version = dataVersion(db);
    state = version === state.dataVersion ? { ...state, revision } : load(db, revision);
  }
  loaded.set(db, state);
  return state.terms;
}

/** New terms written through this connection: searchable by prefix and typo at once. */
export function vocabularyGained(db: IndexDb, terms: readonly string[]): void {
  const state = loaded.get(db);
  if (state) for (const term of terms) state.terms.set(term, 1);
}

/** Forgets a connection's vocabulary (tests, benchmarks: the first search after a restart). */
export function forgetVocabulary(db: IndexDb): void {
  loaded.delete(db);
  registry.prefetched.delete(db);
}
