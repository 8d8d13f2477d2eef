import 'server-only';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CONTENT_RULES_VERSION } from './rules-version';

/**
 * The content index: one SQLite file derived from content/ and nothing else (ADR 0010). It is a
 * cache. Deleting it loses nothing; the server and `npm run build` rebuild it from the files.
 * Every row derived from a file is keyed by that file's hash, and the whole file by the content
 * rules' version, so a rule change re-checks every story.
 */
export type IndexDb = Database.Database;

/** Bumped when the tables below change shape: an older file is rebuilt, never migrated. */
const FORMAT = 8;

const SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Every content file seen, with the stamp that says whether to read it again and what was wrong.
CREATE TABLE files (
  path TEXT PRIMARY KEY,            -- relative to the content directory: articles/x.mdx
  kind TEXT NOT NULL,               -- story | update | author | sections
  mtime_ms REAL NOT NULL,
  size INTEGER NOT NULL,
  hash TEXT NOT NULL,
  problems TEXT NOT NULL,           -- JSON ContentProblem[]; [] when the file is good
  parsed TEXT,                      -- a story's front matter as JSON when it was valid (the check reads it)
  refs TEXT                         -- JSON BodyReferences of a story body: links and images to check
);

-- The last good version of every story: a file that breaks later keeps its row (and its page).
CREATE TABLE stories (
  slug TEXT PRIMARY KEY,
  hash TEXT NOT NULL,               -- of the file version this row was made from
  listed INTEGER NOT NULL,          -- 0 for drafts: never public, whatever the time
  sample INTEGER NOT NULL,
  section TEXT NOT NULL,
  published_ms INTEGER NOT NULL,
  modified_ms INTEGER NOT NULL,
  story TEXT NOT NULL,              -- JSON Story without its text
  text TEXT NOT NULL,               -- the body as plain text (lib/mdx/plain-text.ts), made when it was checked
  compiled TEXT NOT NULL            -- the checked body as compiled MDX (function body)
);
-- With sample last, the public condition is read from the index alone: a deep page skips rows
-- without reading them.
CREATE INDEX stories_by_time ON stories (listed, published_ms DESC, slug, sample);
CREATE INDEX stories_by_section ON stories (section, listed, published_ms DESC, slug, sample);
-- What a join by slug needs to apply the public view (search matches, related candidates),
-- without reading the story's row, which holds its whole text.
CREATE INDEX stories_public_row ON stories (slug, listed, sample, published_ms, section);

CREATE TABLE story_tags (
  tag TEXT NOT NULL,                -- URL slug of the tag
  slug TEXT NOT NULL,
  name TEXT NOT NULL,               -- as the story spells it
  listed INTEGER NOT NULL,          -- listed, published_ms and sample as in stories: a listing page
  published_ms INTEGER NOT NULL,    -- is chosen from this index alone (public-view.ts)
  sample INTEGER NOT NULL,
  PRIMARY KEY (tag, slug)
) WITHOUT ROWID;
CREATE INDEX story_tags_by_time ON story_tags (tag, listed, published_ms DESC, slug, sample);
CREATE INDEX story_tags_of_story ON story_tags (slug);

CREATE TABLE story_authors (
  author TEXT NOT NULL,
  slug TEXT NOT NULL,
  position INTEGER NOT NULL,
  listed INTEGER NOT NULL,
  published_ms INTEGER NOT NULL,
  sample INTEGER NOT NULL,
  PRIMARY KEY (author, slug)
) WITHOUT ROWID;
CREATE INDEX story_authors_by_time ON story_authors (author, listed, published_ms DESC, slug, sample);
CREATE INDEX story_authors_of_story ON story_authors (slug);

-- Related stories: each story's strongest terms (lib/content/related-ranking.ts), and how many stories use each.
CREATE TABLE story_terms (
  term TEXT NOT NULL,
  slug TEXT NOT NULL,
  weight REAL NOT NULL,
  PRIMARY KEY (term, slug)
) WITHOUT ROWID;
CREATE INDEX story_terms_by_weight ON story_terms (term, weight DESC);
CREATE INDEX story_terms_of_story ON story_terms (slug);
CREATE TABLE term_counts (term TEXT PRIMARY KEY, stories INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE tag_counts (tag TEXT PRIMARY KEY, stories INTEGER NOT NULL) WITHOUT ROWID;

-- Listed stories per listing (kind all/section/tag/author, and month for the sitemap's parts), samples
-- apart: a page count without counting.
CREATE TABLE listing_counts (
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  sample INTEGER NOT NULL,
  stories INTEGER NOT NULL,
  modified_ms INTEGER NOT NULL,     -- newest change among them: the listing page's sitemap lastmod
  PRIMARY KEY (kind, key, sample)
) WITHOUT ROWID;

-- Where each story was ever listed while public: a deleted story's pages are found through it.
CREATE TABLE listed_under (
  slug TEXT NOT NULL,
  kind TEXT NOT NULL,               -- section | tag | author
  key TEXT NOT NULL,
  PRIMARY KEY (slug, kind, key)
) WITHOUT ROWID;

-- Images a story shows (its lead image and its <Figure>s): only these get renditions and feeds.
CREATE TABLE story_images (src TEXT NOT NULL, slug TEXT NOT NULL, PRIMARY KEY (src, slug)) WITHOUT ROWID;
CREATE INDEX story_images_of_story ON story_images (slug);

-- The last good version of every live update (content/live/<story>/<id>.mdx, ADR 0011): shown only
-- while its story is public with live coverage, and from its time on.
CREATE TABLE live_updates (
  story TEXT NOT NULL,              -- the story's slug (the folder's name)
  id TEXT NOT NULL,                 -- the file's name: the update's anchor
  hash TEXT NOT NULL,
  time_ms INTEGER NOT NULL,
  pinned INTEGER NOT NULL,
  key_event INTEGER NOT NULL,
  update_json TEXT NOT NULL,        -- JSON LiveUpdate
  compiled TEXT NOT NULL,
  PRIMARY KEY (story, id)
) WITHOUT ROWID;
CREATE INDEX live_updates_by_time ON live_updates (story, time_ms DESC, id);

-- Each picture stories show, with its focal point: where its renditions are on disk (lib/media/render.ts,
-- ADR 0016) and its placeholder. The file's stamp says when to make them again.
CREATE TABLE pictures (
  src TEXT NOT NULL,
  focus TEXT NOT NULL,              -- "x,y", fractions of the width and height
  key TEXT NOT NULL,                -- the renditions' folder: hash of the file, the focus and the set
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  color TEXT NOT NULL,
  preview TEXT NOT NULL,
  mtime_ms INTEGER NOT NULL,
  size INTEGER NOT NULL,
  PRIMARY KEY (src, focus)
) WITHOUT ROWID;
CREATE INDEX pictures_by_key ON pictures (key);

CREATE TABLE authors (id TEXT PRIMARY KEY, author TEXT NOT NULL);
CREATE TABLE sections (position INTEGER PRIMARY KEY, id TEXT NOT NULL, section TEXT NOT NULL);


-- Site search (lib/search/): one row per story, kept in step with stories.
CREATE VIRTUAL TABLE story_search USING fts5(
  slug UNINDEXED, title, dek, tags, authors, section, body,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE search_terms (term TEXT PRIMARY KEY, stories INTEGER NOT NULL) WITHOUT ROWID;
`;

/** What makes an index file usable by this code for this content directory. */
export function indexIdentity(contentDir: string) {
  return { format: String(FORMAT), rules: CONTENT_RULES_VERSION, contentDir };
}

/**
 * Where the index lives: beside the build (SQLite over a network file system is unsafe, so never
 * on a shared volume; docs/deploy.md), under Next's cache folder, which `next build` keeps, one
 * file per content directory. CONTENT_INDEX_FILE names another file.
 */
export function indexFile(contentDir: string): string {
  const configured = process.env.CONTENT_INDEX_FILE;
  if (configured) return path.resolve(/*turbopackIgnore: true*/ process.cwd(), configured);
  const key = createHash('sha1').update(contentDir).digest('hex').slice(0, 12);
  return path.resolve(
    /*turbopackIgnore: true*/ process.cwd(),
    process.env.NEXT_DIST_DIR ?? '.next',
    'cache',
    'content-index',
    `${key}.sqlite`,
  );
}

export type OpenedIndex = {
  db: IndexDb;
  /** Why the file was (re)created, or undefined when an existing index was opened as it was. */
  created?: 'missing' | 'corrupt' | 'outdated';
};

/**
 * Opens the index, or makes an empty one when the file is missing, unreadable, of another format
 * or rules version, or for another content directory. An empty index is not complete: the caller
 * fills it from the files before it serves (runtime.ts).
 */
export function openIndex(file: string, contentDir: string): OpenedIndex {
  mkdirSync(path.dirname(file), { recursive: true });
  let created: OpenedIndex['created'];
  try {
    const db = connect(file);
    const meta = readMeta(db);
    const want = indexIdentity(contentDir);
    if (meta && meta.format === want.format && meta.rules === want.rules && meta.contentDir === want.contentDir) return { db };
    created = meta ? 'outdated' : db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'meta'").get() ? 'corrupt' : 'missing';
    db.close();
  } catch {
    created = 'corrupt';
  }
  removeIndex(file);
  const db = connect(file);
  db.exec(SCHEMA);
  const insert = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  for (const [key, value] of Object.entries(indexIdentity(contentDir))) insert.run(key, value);
  insert.run('complete', '0');
  return { db, created };
}

function connect(file: string): IndexDb {
  const db = new Database(file, { timeout: 30_000 });
  // WAL: readers (other workers, other requests) never wait for a writer, and a crash mid-write
  // leaves the last committed state.
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = OFF');
  // Pages a request reads stay in memory: 32 MB of SQLite's own cache, and the OS's file cache
  // beyond it. The file is not mapped: every mapped page read counts in the server's RSS (up to
  // the map's size), which at 100,000 stories took it past its 500 MB budget (ADR 0010).
  db.pragma('cache_size = -32768');
  db.pragma('mmap_size = 0');
  // Touches the file's structure, so a file that is not a database fails here, not mid-request.
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  return db;
}

function readMeta(db: IndexDb): Record<string, string> | undefined {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
  if (!exists) return undefined;
  const rows = db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[];
  return Object.fromEntries(rows.map((r) => [r.key, r.value]));
}

export function removeIndex(file: string) {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}

/** Whether every file has been read into this index at least once (a rebuild that died is not). */
export function isComplete(db: IndexDb): boolean {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'complete'").get() as { value: string } | undefined;
  return row?.value === '1';
}

export function markComplete(db: IndexDb) {
  db.prepare("UPDATE meta SET value = '1' WHERE key = 'complete'").run();
}

const statements = new WeakMap<IndexDb, Map<string, Database.Statement>>();

/**
 * A prepared statement for this connection, prepared once: preparing is a tenth of a
 * millisecond, which every story written or page rendered would otherwise pay per query.
 */
export function sql(db: IndexDb, text: string): Database.Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map<string, Database.Statement>()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = db.prepare(text)));
  return statement;
}

/** Statements a module prepares once per connection: `perConnection(prepare)(db)`. */
export function perConnection<T>(prepare: (db: IndexDb) => T): (db: IndexDb) => T {
  const made = new WeakMap<IndexDb, T>();
  return (db) => {
    let value = made.get(db);
    if (value === undefined) made.set(db, (value = prepare(db)));
    return value;
  };
}
