import 'server-only';
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkBody, type BodyCheck } from '@/lib/mdx/compile';
import type { BodyReferences } from '@/lib/mdx/safe-mdx';
import { contentHash } from '../content-hash';
import { displayPath } from '../content-dir';
import { parseStory, parseAuthor, parseSections, parseUpdate } from '../parse';
import { judgeStory, judgeUpdate, type GoodVersion } from './judge';
import { lastGoodInHistory } from './history';
import type { KnownIds } from '../rules';
import type { ContentProblem } from '../problems';
import type { LiveUpdateFile, Section, StoryFile } from '../schema';
import { openIndex, sql, type IndexDb } from './database';
import { picturesToWrite, writePictures, type PictureRef } from './picture-rows';
import { bumpRevision, deleteStory, finishBulk, indexedNames, writeStory } from './story-rows';
import { writeSearchRow } from '@/lib/search/search-rows';
import { storiesBySlug } from './rows';
import { listContentFiles } from './stamps';
import { deleteUpdate, updateOfPath, writeUpdate } from './update-rows';

/**
 * Brings the index in line with the files: reads only files whose stamp (size, mtime) changed,
 * parses only those whose bytes changed, and checks only bodies it has not checked. The only code
 * that reads content files (with files.ts, for the live editor's raw text).
 */

export type FileKind = 'story' | 'update' | 'author' | 'sections';

/** What a reconcile did, for logs, counters and the webhook's answer. */
export type ReconcileResult = {
  /** Files whose stamps were compared. */
  scanned: number;
  /** Files read and parsed because their bytes changed. */
  parsed: number;
  /** Bodies compiled. */
  compiled: number;
  /** Stories written or removed. */
  stories: string[];
  /** Live updates written or removed, as "story/id". */
  updates: string[];
  /** Author ids whose files changed. */
  authors: string[];
  sectionsChanged: boolean;
  /** The problems of every file this reconcile read, by relative path. */
  problems: Map<string, ContentProblem[]>;
  /** Stories with errors served from their last good version in git's history: slug, "commit date". */
  fromHistory: Map<string, string>;
};

export type ReconcileOptions = {
  /** Only these paths (relative to the content directory, e.g. from the watcher); every file when absent. */
  paths?: readonly string[];
  /** Checks many bodies; one after another in this process unless given (the build uses both cores). */
  checkBodies?: (bodies: readonly string[]) => Promise<BodyCheck[]>;
  onProgress?: (done: number, total: number) => void;
  /**
   * Writes everything in one transaction at the end, so readers see the index before or after,
   * never between (a git checkout rewritten by a pull). Holds every parsed file until then.
   */
  atomic?: boolean;
  /** Make the renditions of the pictures stories show (ADR 0016); a check of the files makes none. Default true. */
  pictures?: boolean;
};

type Stamp = { mtimeMs: number; size: number };
type Candidate = { rel: string; kind: FileKind; stamp?: Stamp };
/** A file whose bytes changed: read, hashed, not yet parsed. */
type ChangedFile = { rel: string; kind: FileKind; stamp: Stamp; source: string; hash: string };
type FileRow = { path: string; kind: FileKind; mtime_ms: number; size: number; hash: string };

/** Stories per write transaction: readers see the index move in steps, never a story half-written. */
const BATCH = 500;
/** Stories with errors whose history one reconcile searches for a last good version (git runs for each). */
const HISTORY_FILES = 100;
/** Past this many stories to write, a reconcile is a rebuild: terms and months are counted once at the end. */
const BULK_FROM = 2000;

export function kindOf(rel: string): FileKind | undefined {
  if (rel === 'sections.yaml') return 'sections';
  if (/^authors\/[^/]+\.ya?ml$/.test(rel)) return 'author';
  if (/^articles\/[^/]+\.mdx$/.test(rel)) return 'story';
  if (/^live\/[^/]+\/[^/]+\.mdx$/.test(rel)) return 'update';
  return undefined;
}

export async function reconcile(db: IndexDb, dir: string, options: ReconcileOptions = {}): Promise<ReconcileResult> {
  const result: ReconcileResult = {
    scanned: 0,
    parsed: 0,
    compiled: 0,
    stories: [],
    updates: [],
    authors: [],
    sectionsChanged: false,
    problems: new Map(),
    fromHistory: new Map(),
  };
  const known = new Map<string, FileRow>();
  const candidates = options.paths ? await statPaths(dir, options.paths) : await listAll(dir);
  if (options.paths) {
    const get = sql(db, 'SELECT path, kind, mtime_ms, size, hash FROM files WHERE path = ?');
    for (const c of candidates) {
      const row = get.get(c.rel) as FileRow | undefined;
      if (row) known.set(c.rel, row);
    }
  } else {
    for (const row of sql(db, 'SELECT path, kind, mtime_ms, size, hash FROM files').all() as FileRow[]) known.set(row.path, row);
    const onDisk = new Set(candidates.map((c) => c.rel));
    for (const row of known.values()) if (!onDisk.has(row.path)) candidates.push({ rel: row.path, kind: row.kind });
  }
  result.scanned = candidates.length;
  // Each write is its own transaction, or waits for the one at the end (nested, a savepoint).
  const writes: (() => void)[] = [];
  const step = (write: () => void) => (options.atomic ? writes.push(write) : db.transaction(write)());
  // For writes that keep their own transactions (a rebuild's recount): as they are, unless atomic.
  const stepAsIs = (write: () => void) => (options.atomic ? writes.push(write) : write());

  // Files whose stamp moved: read them; those whose bytes are the same only get the new stamp.
  const changed: ChangedFile[] = [];
  const removed: Candidate[] = [];
  const restamp = sql(db, 'UPDATE files SET mtime_ms = ?, size = ? WHERE path = ?');
  const moved = candidates.filter((c) => {
    const row = known.get(c.rel);
    if (!c.stamp) return row !== undefined;
    return !row || row.mtime_ms !== c.stamp.mtimeMs || row.size !== c.stamp.size;
  });
  await eachLimited(moved, 64, async (c) => {
    const source = c.stamp ? await readContentFile(path.join(dir, c.rel)) : undefined;
    if (source === undefined) {
      if (known.has(c.rel)) removed.push(c);
      return;
    }
    const hash = contentHash(source);
    if (known.get(c.rel)?.hash === hash) restamp.run(c.stamp!.mtimeMs, c.stamp!.size, c.rel);
    else changed.push({ rel: c.rel, kind: c.kind, stamp: c.stamp!, source, hash });
  });
  changed.sort((a, b) => (a.rel < b.rel ? -1 : 1));
  result.parsed = changed.length;
  const recordFile = sql(
    db,
    `INSERT OR REPLACE INTO files (path, kind, mtime_ms, size, hash, problems, parsed, refs)
     VALUES (@path, @kind, @mtime, @size, @hash, @problems, @parsed, @refs)`,
  );
  // `parsed` and `refs` feed the site rules of the content check (check.ts): links and images.
  const record = (f: ChangedFile, problems: ContentProblem[], parsed?: StoryFile | LiveUpdateFile, refs?: BodyReferences) => {
    const { body, ...fields } = parsed ?? { body: '' };
    recordFile.run({
      path: f.rel,
      kind: f.kind,
      mtime: f.stamp.mtimeMs,
      size: f.stamp.size,
      hash: f.hash,
      problems: JSON.stringify(problems),
      parsed: parsed ? JSON.stringify(fields) : null,
      refs: refs ? JSON.stringify(refs) : null,
    });
    result.problems.set(f.rel, problems);
  };

  // Sections and authors first: stories are checked against them. Parsed now; written by `step`.
  const authorRows: { id: string; author?: string }[] = [];
  let sectionRows: readonly Section[] | undefined;
  const recorded: (() => void)[] = [];
  for (const f of changed.filter((x) => x.kind === 'sections' || x.kind === 'author')) {
    if (f.kind === 'sections') {
      const parsed = parseSections(displayPath(path.join(dir, f.rel)), f.source);
      if (parsed.ok) sectionRows = parsed.value;
      recorded.push(() => record(f, parsed.problems));
      result.sectionsChanged = true;
    } else {
      const parsed = parseAuthor(displayPath(path.join(dir, f.rel)), f.source);
      const id = path.basename(f.rel).replace(/\.ya?ml$/, '');
      authorRows.push({ id, author: parsed.ok ? JSON.stringify(parsed.value) : undefined });
      recorded.push(() => record(f, parsed.problems));
      result.authors.push(id);
    }
  }
  const gone = removed.filter((x) => x.kind === 'sections' || x.kind === 'author');
  for (const c of gone) {
    if (c.kind === 'sections') {
      sectionRows = [];
      result.sectionsChanged = true;
    } else {
      const id = path.basename(c.rel).replace(/\.ya?ml$/, '');
      authorRows.push({ id });
      result.authors.push(id);
    }
  }
  step(() => {
    recorded.forEach((write) => write());
    if (sectionRows) writeSections(db, sectionRows);
    for (const { id, author } of authorRows)
      if (author) sql(db, 'INSERT OR REPLACE INTO authors (id, author) VALUES (?, ?)').run(id, author);
      else sql(db, 'DELETE FROM authors WHERE id = ?').run(id);
    for (const c of gone) sql(db, 'DELETE FROM files WHERE path = ?').run(c.rel);
  });
  // Stories whose references may have changed with them: bylines and section names in search, and
  // any story or update file with errors, which may now be fixed (a missing author added); warnings
  // do not keep a story out.
  let stories = changed.filter((x) => x.kind === 'story');
  const updates = changed.filter((x) => x.kind === 'update');
  if (result.sectionsChanged || result.authors.length) {
    const pending = new Set(changed.map((a) => a.rel));
    const withProblems = sql(
      db,
      `SELECT path FROM files WHERE kind IN ('story', 'update') AND problems LIKE '%"severity":"error"%'`,
    ).all() as { path: string }[];
    const again = await statPaths(
      dir,
      withProblems.map((r) => r.path).filter((p) => !pending.has(p)),
    );
    for (const c of again) {
      const source = c.stamp ? await readContentFile(path.join(dir, c.rel)) : undefined;
      if (source === undefined || !c.stamp) continue;
      const file = { rel: c.rel, kind: c.kind, stamp: c.stamp, source, hash: contentHash(source) };
      (c.kind === 'update' ? updates : stories).push(file);
    }
    stepAsIs(() => refreshNames(db, result));
  }
  stories = stories.sort((a, b) => (a.rel < b.rel ? -1 : 1));

  const bulk = stories.length >= BULK_FROM;
  // The ids stories may name once this reconcile is written (atomic: not yet in the database).
  const before = knownIds(db);
  const authorIds = new Set(before.authors);
  for (const { id, author } of authorRows)
    if (author) authorIds.add(id);
    else authorIds.delete(id);
  const refs: KnownIds = { authors: authorIds, sections: sectionRows ? new Set(sectionRows.map((x) => x.id)) : before.sections };
  const checkBodies = options.checkBodies ?? checkSequentially;
  // Parses a batch and starts checking its bodies: the next batch is parsed, and this one written,
  // while the checks of the other run on the worker threads.
  const begin = (batch: typeof stories) => {
    const parsed = batch.map((f) => {
      // Every rule of lib/content/rules.ts but the body's, which is checked below in the same pass.
      const outcome = parseStory(displayPath(path.join(dir, f.rel)), f.source, refs);
      return { f, outcome, file: displayPath(path.join(dir, f.rel)), body: outcome.ok ? outcome.value.body : outcome.body };
    });
    // Bodies of stories refused for their front matter are checked too, so one run reports every problem.
    const toCheck = parsed.filter((p) => p.body !== undefined);
    return { parsed, toCheck, checks: checkBodies(toCheck.map((p) => p.body!)) };
  };
  const broken: { rel: string; slug: string; hash: string }[] = [];
  let next = stories.length ? begin(stories.slice(0, BATCH)) : undefined;
  for (let i = 0; next; i += BATCH) {
    const current = next;
    const checks = await current.checks;
    next = i + BATCH < stories.length ? begin(stories.slice(i + BATCH, i + 2 * BATCH)) : undefined;
    result.compiled += checks.length;
    const checkOf = new Map(current.toCheck.map((p, k) => [p.f.rel, checks[k]!]));
    const rows = current.parsed.map(({ f, outcome, file }) => {
      const check = checkOf.get(f.rel);
      const { problems, good } = judgeStory(file, outcome, check);
      if (!good) broken.push({ rel: f.rel, slug: path.basename(f.rel, '.mdx'), hash: f.hash });
      return { f, outcome, check, problems, good };
    });
    // Renditions before the stories that show them: no page is rendered naming a picture not yet made.
    const pictures =
      options.pictures === false
        ? []
        : await picturesToWrite(
            db,
            rows.flatMap(({ good }) => (good ? picturesOf(good) : [])),
          );
    step(() => {
      writePictures(db, pictures);
      for (const { f, outcome, check, problems, good } of rows) {
        // The story as written is kept even when refused, so the check's site rules still run on it.
        record(f, problems, outcome.ok ? outcome.value : outcome.asWritten, check?.references);
        // A file with errors leaves the story as it last was: its last good version stays (ADR 0010).
        if (good) {
          writeStory(db, good.story, f.hash, good.code, good.figures, bulk);
          result.stories.push(good.story.slug);
        }
      }
      bumpRevision(db);
    });
    options.onProgress?.(Math.min(i + BATCH, stories.length), stories.length);
  }

  // A story with errors that the index holds no good version of (rebuilt under new rules, or a new
  // machine): its last good version is in the file's git history, when the content is a checkout.
  const hasStory = sql(db, 'SELECT 1 FROM stories WHERE slug = ?');
  for (const b of broken.filter((x) => !hasStory.get(x.slug)).slice(0, HISTORY_FILES)) {
    const past = await lastGoodInHistory(dir, b.rel, b.hash, refs);
    if (!past) continue;
    const pictures = options.pictures === false ? [] : await picturesToWrite(db, picturesOf(past));
    step(() => {
      writePictures(db, pictures);
      writeStory(db, past.story, past.hash, past.code, past.figures, bulk);
    });
    result.stories.push(b.slug);
    result.fromHistory.set(b.slug, `${past.commit} ${past.date}`);
  }

  step(() => {
    for (const c of removed.filter((x) => x.kind === 'story')) {
      const slug = path.basename(c.rel, '.mdx');
      sql(db, 'DELETE FROM files WHERE path = ?').run(c.rel);
      deleteStory(db, slug, bulk);
      result.stories.push(slug);
    }
    if (removed.length || changed.length) bumpRevision(db);
  });
  await reconcileUpdates(db, dir, updates, removed, refs, checkBodies, step, record, result);
  if (bulk) stepAsIs(() => finishBulk(db));
  if (writes.length) db.transaction(() => writes.forEach((write) => write()))();
  return result;
}

/** The pictures a good version of a story shows: its lead, with its focal point, and its figures. */
function picturesOf(good: Pick<GoodVersion, 'story' | 'figures'>): PictureRef[] {
  const lead = good.story.image ? [{ src: good.story.image.src, focus: good.story.image.focus }] : [];
  return [...lead, ...good.figures.map((src) => ({ src }))];
}

/**
 * Live updates (ADR 0011), after the authors they may name: each judged alone like a story, and a
 * file with errors keeps its last good version. Whether its story is live is decided when pages
 * read (lib/content/live.ts), so an update written before its story's `live:` is kept, not lost.
 */
async function reconcileUpdates(
  db: IndexDb,
  dir: string,
  changed: readonly ChangedFile[],
  removed: readonly Candidate[],
  refs: KnownIds,
  checkBodies: (bodies: readonly string[]) => Promise<BodyCheck[]>,
  step: (write: () => void) => void,
  record: (f: ChangedFile, problems: ContentProblem[], parsed?: LiveUpdateFile, refs?: BodyReferences) => void,
  result: ReconcileResult,
) {
  const updates = changed.filter((x) => x.kind === 'update');
  for (let i = 0; i < updates.length; i += BATCH) {
    const parsed = updates.slice(i, i + BATCH).map((f) => {
      const file = displayPath(path.join(dir, f.rel));
      const outcome = parseUpdate(file, f.source, refs);
      return { f, file, outcome, body: outcome.ok ? outcome.value.body : outcome.body };
    });
    const toCheck = parsed.filter((p) => p.body !== undefined);
    const checks = await checkBodies(toCheck.map((p) => p.body!));
    result.compiled += checks.length;
    const checkOf = new Map(toCheck.map((p, k) => [p.f.rel, checks[k]!]));
    const rows = parsed.map(({ f, file, outcome }) => {
      const check = checkOf.get(f.rel);
      const asWritten = outcome.ok ? outcome.value : outcome.asWritten;
      return { f, asWritten, refs: check?.references, ...judgeUpdate(file, outcome, check) };
    });
    step(() => {
      for (const { f, problems, good, asWritten, refs: references } of rows) {
        record(f, problems, asWritten, references);
        if (good) writeUpdate(db, good.update, f.hash, good.code);
        const { story, id } = updateOfPath(f.rel);
        result.updates.push(`${story}/${id}`);
      }
      bumpRevision(db);
    });
  }
  const gone = removed.filter((x) => x.kind === 'update');
  if (!gone.length) return;
  step(() => {
    for (const c of gone) {
      const { story, id } = updateOfPath(c.rel);
      sql(db, 'DELETE FROM files WHERE path = ?').run(c.rel);
      deleteUpdate(db, story, id);
      result.updates.push(`${story}/${id}`);
    }
    bumpRevision(db);
  });
}

/** Authors and sections are indexed by name for search: their stories' rows follow a rename. */
function refreshNames(db: IndexDb, result: ReconcileResult) {
  const slugs = new Set<string>();
  const byAuthor = sql(db, 'SELECT slug FROM story_authors WHERE author = ?');
  for (const id of result.authors) for (const row of byAuthor.all(id) as { slug: string }[]) slugs.add(row.slug);
  if (result.sectionsChanged) for (const row of sql(db, 'SELECT slug FROM stories').all() as { slug: string }[]) slugs.add(row.slug);
  const list = [...slugs];
  for (let i = 0; i < list.length; i += BATCH) {
    db.transaction(() => {
      for (const story of storiesBySlug(db, list.slice(i, i + BATCH))) writeSearchRow(db, story, indexedNames(db, story));
    })();
  }
}

function writeSections(db: IndexDb, sections: readonly Section[]) {
  sql(db, 'DELETE FROM sections').run();
  const insert = sql(db, 'INSERT INTO sections (position, id, section) VALUES (?, ?, ?)');
  sections.forEach((s, i) => insert.run(i, s.id, JSON.stringify(s)));
}

/** The authors and sections stories may name, as the index holds them now. */
export function knownIds(db: IndexDb): KnownIds {
  const ids = (query: string) => new Set((sql(db, query).all() as { id: string }[]).map((r) => r.id));
  return { authors: ids('SELECT id FROM authors'), sections: ids('SELECT id FROM sections ORDER BY position') };
}

async function checkSequentially(bodies: readonly string[]): Promise<BodyCheck[]> {
  const out: BodyCheck[] = [];
  for (const body of bodies) {
    out.push(await checkBody(body));
    // Compiling chains promises without touching I/O: let requests (the health check) in between.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return out;
}

/** Every content file with its stamp: a directory listing and a stat each, nothing read. */
async function listAll(dir: string): Promise<Candidate[]> {
  const listed = await listContentFiles(dir).catch(() => undefined);
  if (listed) {
    const out: Candidate[] = [];
    for (const { rel, stamp } of listed) {
      const kind = kindOf(rel);
      if (kind) out.push({ rel, kind, ...(stamp ? { stamp } : {}) });
    }
    return out.sort((a, b) => (a.rel < b.rel ? -1 : 1));
  }
  // No worker thread: list and stat on this one.
  const rels = ['sections.yaml'];
  const live = (await readdir(path.join(dir, 'live'), { withFileTypes: true }).catch(() => []))
    .filter((e) => e.isDirectory())
    .map((e) => `live/${e.name}`);
  for (const sub of ['authors', 'articles', ...live]) {
    for (const name of await listContentFolder(path.join(dir, sub))) {
      const rel = `${sub}/${name}`;
      if (kindOf(rel)) rels.push(rel);
    }
  }
  return statPaths(dir, rels);
}

async function statPaths(dir: string, rels: readonly string[]): Promise<Candidate[]> {
  const out: Candidate[] = [];
  await eachLimited(rels, 64, async (rel) => {
    const kind = kindOf(rel);
    if (!kind) return;
    try {
      const info = await stat(path.join(dir, rel));
      out.push({ rel, kind, ...(info.isFile() ? { stamp: { mtimeMs: info.mtimeMs, size: info.size } } : {}) });
    } catch {
      out.push({ rel, kind });
    }
  });
  return out.sort((a, b) => (a.rel < b.rel ? -1 : 1));
}

/** The file names in a content folder (none when it does not exist). */
export async function listContentFolder(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** A content file's text, or undefined when it does not exist. */
export async function readContentFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** `fn` over every item, at most `limit` at a time: one read at a time left the disk idle. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** A story file's text as it is on disk now (the live editor starts from it). */
export function readStorySource(dir: string, slug: string): Promise<{ file: string; source: string } | undefined> {
  return readSourceAt(path.join(dir, 'articles', `${slug}.mdx`));
}

/** A live update file's text as it is on disk now (content/live/<story>/<id>.mdx), for the live editor. */
export function readUpdateSource(dir: string, story: string, id: string): Promise<{ file: string; source: string } | undefined> {
  return readSourceAt(path.join(dir, 'live', story, `${id}.mdx`));
}

async function readSourceAt(absolute: string): Promise<{ file: string; source: string } | undefined> {
  const source = await readContentFile(absolute);
  return source === undefined ? undefined : { file: displayPath(absolute), source };
}

/**
 * Builds a content index of `dir` from scratch in a temporary file, by the code the server uses,
 * hands it to `fn`, then deletes it: the check never trusts an index it did not just build.
 */
export async function withFreshIndex<T>(
  dir: string,
  fn: (db: IndexDb) => Promise<T>,
  options: Omit<ReconcileOptions, 'paths'> = {},
): Promise<T> {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'news-rebeat-check-'));
  const { db } = openIndex(path.join(temp, 'index.sqlite'), dir);
  try {
    // A throwaway index for a check: it reads pictures (check.ts) but makes no renditions.
    await reconcile(db, dir, { pictures: false, ...options });
    return await fn(db);
  } finally {
    db.close();
    rmSync(temp, { recursive: true, force: true });
  }
}
