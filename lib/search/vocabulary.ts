import SearchableMap from 'minisearch/SearchableMap';
import { type IndexDb, perConnection } from '@/lib/content/index/database';

/*
 * Every indexed term, in a radix tree for prefix and typo expansion (MiniSearch's SearchableMap),
 * loaded from `search_terms` on a connection's first search. The values are how many stories
 * used the term when it was loaded.
 *
 * Freshness: writes through this process's writer (search-rows.ts) add their new terms at once.
 * A change committed by any other connection or process moves both the `meta` revision and
 * SQLite's data_version for this connection, and the tree is then reloaded. Terms that stop
 * being used stay in the tree until then: a superset only costs a branch that matches nothing.
 */
export type Vocabulary = SearchableMap<number>;

type Loaded = { terms: Vocabulary; revision: string | undefined; dataVersion: number };

const loaded = new WeakMap<IndexDb, Loaded>();

function prepare(db: IndexDb) {
  return {
    revision: db.prepare<[], string>("SELECT value FROM meta WHERE key = 'revision'").pluck(),
    terms: db.prepare<[], [string, number]>('SELECT term, stories FROM search_terms ORDER BY term').raw(),
  };
}
const statements = perConnection(prepare);

function dataVersion(db: IndexDb): number {
  return db.pragma('data_version', { simple: true }) as number;
}

type Tree = Map<string, Tree | number>;

/**
 * SearchableMap's radix tree (edges labelled with the rest of a key, '' holding a key's value)
 * built in one pass over sorted keys: inserting 200,000 terms one by one takes about a second,
 * this a fraction of it. vocabulary.test.ts checks it against SearchableMap.from.
 */
export function radixTree(keys: readonly string[], values: readonly number[], lo = 0, hi = keys.length, depth = 0): Tree {
  const node: Tree = new Map();
  let i = lo;
  if (i < hi && keys[i]!.length === depth) node.set('', values[i++]!);
  while (i < hi) {
    const first = keys[i]!;
    const unit = first.charCodeAt(depth);
    let j = i + 1;
    while (j < hi && keys[j]!.charCodeAt(depth) === unit) j++;
    if (j - i === 1) {
      node.set(first.slice(depth), new Map([['', values[i]!]]));
    } else {
      // Sorted: the group's common prefix is that of its first and last keys.
      const last = keys[j - 1]!;
      let end = depth + 1;
      while (end < first.length && end < last.length && first.charCodeAt(end) === last.charCodeAt(end)) end++;
      node.set(first.slice(depth, end), radixTree(keys, values, i, j, end));
    }
    i = j;
  }
  return node;
}

function load(db: IndexDb, revision: string | undefined): Loaded {
  const keys: string[] = [];
  const values: number[] = [];
  for (const [term, stories] of statements(db).terms.iterate()) {
    keys.push(term);
    values.push(stories);
  }
  // SQLite sorts by UTF-8 bytes; the tree needs keys sharing a prefix to be adjacent, which that gives too.
  const terms: Vocabulary = new SearchableMap(radixTree(keys, values) as Map<string, never>);
  return { terms, revision, dataVersion: dataVersion(db) };
}

/** The vocabulary of this connection's index, loaded or reloaded when another connection changed it. */
export function vocabulary(db: IndexDb): Vocabulary {
  const revision = statements(db).revision.get();
  let state = loaded.get(db);
  if (!state) {
    state = load(db, revision);
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
}
