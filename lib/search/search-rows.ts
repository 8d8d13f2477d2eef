import { createHash } from 'node:crypto';
import { type IndexDb, perConnection } from '@/lib/content/index/database';
import type { Story } from '@/lib/content/schema';
import { SEARCH_FIELDS, type SearchField } from './fields';
import { indexTerms } from './search-terms';
import { vocabularyGained } from './vocabulary';

/*
 * The write side of search: one `story_search` row per story and the `search_terms` vocabulary.
 *
 * Each column holds the story's indexed terms (lib/search/search-terms.ts: lower case, accents stripped,
 * stop words, single letters left out) of its plain text (lib/mdx/plain-text.ts: JSX and URLs left out), space-separated, in order. FTS5's unicode61
 * tokenizer then reads one token per term, so the vocabulary, the BM25 lengths and the highlighter
 * all see the same words; queries pass vocabulary terms to MATCH, which FTS5 folds the same way
 * as the stored text.
 *
 * Rows are keyed for the read side: rowid = published_ms * 1024 + a slot, so FTS5 walks matches
 * newest first (`ORDER BY rowid DESC`) and `rowid < (now + 1) * 1024` leaves scheduled stories
 * out of counts without a join. A story's row is found again in the bucket of its publication
 * time, as the story or its `stories` row gives it: call writeSearchRow and deleteSearchRow
 * before the `stories` row changes its time or goes (reconcile's removeDerived does).
 *
 * Lookups read FTS5's content table (`story_search_content`: id = rowid, c0 = slug, c1... = the
 * columns in order) rather than `story_search`: inside a write transaction, every read of the
 * FTS5 table flushes its pending changes into a new segment, which made a rebuild quadratic.
 */

/** Section and author names as indexed: a rename re-indexes the stories that show them. */
export type SearchNames = { section: string; authors: string };

/** What each searchable column of a story's row holds. */
export function searchColumns(story: Story, names: SearchNames): Record<SearchField, string> {
  const texts: Record<SearchField, string> = {
    title: story.title,
    dek: story.dek,
    tags: story.tags.join(', '),
    authors: names.authors,
    section: names.section,
    body: story.text,
  };
  const columns = {} as Record<SearchField, string>;
  for (const field of SEARCH_FIELDS) columns[field] = indexTerms(texts[field]).join(' ');
  return columns;
}

/** Rows per millisecond of publication time: stories published in the same millisecond share a bucket. */
const ROWS_PER_MS = 1024;

/** The first rowid after every story published by `now`. */
export function rowidCut(now: number): number {
  return (Math.floor(now) + 1) * ROWS_PER_MS;
}

/** The publication time a rowid was given for. */
export function rowidTime(rowid: number): number {
  return Math.floor(rowid / ROWS_PER_MS);
}

type SearchRow = { rowid: number; slug: string } & Record<SearchField, string>;

const COLUMN_LIST = SEARCH_FIELDS.join(', ');

function prepare(db: IndexDb) {
  return {
    inBucket: db.prepare<[number, number], SearchRow>(
      `SELECT id AS rowid, c0 AS slug, ${SEARCH_FIELDS.map((f, i) => `c${i + 1} AS ${f}`).join(', ')} FROM story_search_content WHERE id BETWEEN ? AND ?`,
    ),
    storyTime: db.prepare<[string], number>('SELECT published_ms FROM stories WHERE slug = ?').pluck(),
    bucket: db.prepare<[number, number], number>('SELECT id FROM story_search_content WHERE id BETWEEN ? AND ?').pluck(),
    insert: db.prepare<[number, string, ...string[]]>(
      `INSERT INTO story_search (rowid, slug, ${COLUMN_LIST}) VALUES (?, ?, ${SEARCH_FIELDS.map(() => '?').join(', ')})`,
    ),
    remove: db.prepare<[number]>('DELETE FROM story_search WHERE rowid = ?'),
    gain: db.prepare<[string], { stories: number }>(
      'INSERT INTO search_terms (term, stories) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET stories = stories + 1 RETURNING stories',
    ),
    lose: db.prepare<[string]>('UPDATE search_terms SET stories = stories - 1 WHERE term = ?'),
    drop: db.prepare<[string]>('DELETE FROM search_terms WHERE term = ? AND stories <= 0'),
  };
}

const statements = perConnection(prepare);

function bucketOf(publishedMs: number): [number, number] {
  const base = Math.floor(publishedMs) * ROWS_PER_MS;
  return [base, base + ROWS_PER_MS - 1];
}

/** The story's current row, if it has one: in the bucket of its new or its recorded publication time. */
function findRow(db: IndexDb, slug: string, publishedMs?: number): SearchRow | undefined {
  const s = statements(db);
  const times = new Set<number>();
  if (publishedMs !== undefined) times.add(Math.floor(publishedMs));
  const recorded = s.storyTime.get(slug);
  if (recorded !== undefined) times.add(Math.floor(recorded));
  for (const time of times) {
    const row = s.inBucket.all(...bucketOf(time)).find((r) => r.slug === slug);
    if (row) return row;
  }
  return undefined;
}

/** A free rowid in the bucket of the story's publication time (slots start at a hash of the slug). */
function freeRowid(db: IndexDb, slug: string, publishedMs: number): number {
  const [base, top] = bucketOf(publishedMs);
  const taken = new Set(statements(db).bucket.all(base, top));
  const start = createHash('sha1').update(slug).digest().readUInt16BE(0) % ROWS_PER_MS;
  for (let i = 0; i < ROWS_PER_MS; i++) {
    const rowid = base + ((start + i) % ROWS_PER_MS);
    if (!taken.has(rowid)) return rowid;
  }
  throw new Error(`story_search: more than ${ROWS_PER_MS} stories published at ${publishedMs}`);
}

/** The distinct terms of a row. */
function distinctTerms(columns: Record<SearchField, string>): Set<string> {
  const terms = new Set<string>();
  for (const field of SEARCH_FIELDS) {
    for (const term of columns[field].split(' ')) if (term) terms.add(term);
  }
  return terms;
}

/** Counts `terms` as used by one story more or one fewer. */
function recount(db: IndexDb, add: Iterable<string>, remove: Iterable<string>) {
  const s = statements(db);
  const gained: string[] = [];
  for (const term of add) if (s.gain.get(term)?.stories === 1) gained.push(term);
  for (const term of remove) {
    s.lose.run(term);
    s.drop.run(term);
  }
  if (gained.length) vocabularyGained(db, gained);
}

/**
 * Indexes a story for search, replacing its previous row, and keeps `search_terms` in step. Call
 * it for every story written to `stories`, and again when its section or an author is renamed.
 * Drafts get no row (they are never public; publicWhere still filters every result). Scheduled
 * stories do: they appear when their time comes. Synchronous: it runs inside the caller's write
 * transaction, before or after the `stories` row is written.
 */
export function writeSearchRow(db: IndexDb, story: Story, names: SearchNames): void {
  if (story.draft) {
    deleteSearchRow(db, story.slug);
    return;
  }
  const columns = searchColumns(story, names);
  const publishedMs = Date.parse(story.publishedAt);
  const row = findRow(db, story.slug, publishedMs);
  const values = SEARCH_FIELDS.map((f) => columns[f]);
  const sameBucket = row !== undefined && Math.floor(row.rowid / ROWS_PER_MS) === Math.floor(publishedMs);
  if (row && sameBucket) {
    if (SEARCH_FIELDS.every((f) => row[f] === columns[f])) return;
    statements(db).remove.run(row.rowid);
    statements(db).insert.run(row.rowid, story.slug, ...values);
  } else {
    if (row) statements(db).remove.run(row.rowid); // its publication time changed: a new bucket
    statements(db).insert.run(freeRowid(db, story.slug, publishedMs), story.slug, ...values);
  }
  const before = row ? distinctTerms(row) : new Set<string>();
  const after = distinctTerms(columns);
  recount(
    db,
    [...after].filter((t) => !before.has(t)),
    [...before].filter((t) => !after.has(t)),
  );
}

/** Removes a story from search (its file was deleted). Does nothing when it has no row. */
export function deleteSearchRow(db: IndexDb, slug: string): void {
  const row = findRow(db, slug);
  if (!row) return;
  statements(db).remove.run(row.rowid);
  recount(db, [], distinctTerms(row));
}
