import { watch, type FSWatcher } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { checkBody } from '@/lib/mdx/compile';
import type { BodyReferences } from '@/lib/mdx/safe-mdx';
import { bodyKey, checkCacheFile, readCheckCache, writeCheckCache, type BodyCheck } from './check-cache';
import { contentDir, displayPath } from './content-dir';
import { locateField, parseArticle, parseAuthor, parseSections } from './parse';
import type { OnStepProgress } from '@/lib/progress';
import { formatProblem, type ContentProblem } from './problems';
import type { Article, Author, Section } from './schema';
import { isPublic } from './visibility';

/** Everything the site knows about its content, built once and swapped whole when files change. */
export type ContentIndex = {
  /** Every valid article, drafts and scheduled ones included, newest first. */
  articles: readonly Article[];
  bySlug: ReadonlyMap<string, Article>;
  authors: ReadonlyMap<string, Author>;
  sections: readonly Section[];
  problems: readonly ContentProblem[];
  /**
   * Story files on disk that were left out because of errors, by slug. Their pages must not turn
   * into 404s (Next keeps the last good page when a render throws); preview shows the problems.
   */
  broken: ReadonlyMap<string, BrokenStory>;
  /** Bodies still being checked in the background (only after a cold start with many stories). */
  pendingBodyChecks: number;
  /** Bumped on every rebuild; lets derived data (related, search) cache per version. */
  version: number;
};

/** A story file left out of the index: its problems, and its front matter when that much was valid. */
export type BrokenStory = { problems: readonly ContentProblem[]; article?: Article };

/** Where a public version of a story was listed: enough to find its pages after it changes or goes. */
export type ArticleRefs = { sections: readonly string[]; tags: readonly string[]; authors: readonly string[] };

type FileStamp = { mtimeMs: number; size: number };

type ArticleEntry = {
  stamp: FileStamp;
  source: string;
  parsed: ReturnType<typeof parseArticle>;
  /** The body check's result, once made (the entry is replaced when the file changes). */
  body?: { problems: ContentProblem[]; references?: BodyReferences };
};

type State = {
  dir: string;
  index?: ContentIndex;
  loading?: Promise<ContentIndex>;
  dirty: boolean;
  watcher?: FSWatcher;
  lastPoll: number;
  articleCache: Map<string, ArticleEntry>;
  logged: Set<string>;
  derived: Map<string, { key: string; value: unknown }>;
  /** Every section, tag and author each slug was ever listed under while public, in this process. */
  history: Map<string, { sections: Set<string>; tags: Set<string>; authors: Set<string> }>;
  backgroundCheck?: Promise<void>;
  /** Whether to log problems (the server does; the content check prints them itself). */
  log: boolean;
  /** Body check results shared with the build (check-cache.ts); only in the server, never the check. */
  checks?: { file: string; results: Map<string, BodyCheck>; unsaved: Map<string, BodyCheck> };
};

// One index per process: Next may evaluate this module once per route bundle, so it lives on globalThis.
const KEY = Symbol.for('news-rebeat.content-store');
const registry = globalThis as typeof globalThis & { [KEY]?: State };

/** Without a file watcher, how often the files are stat'ed for changes (only when content is asked for). */
const POLL_INTERVAL_MS = Number(process.env.CONTENT_POLL_MS ?? 2000);

/**
 * Up to this many unchecked bodies are compiled before the index is returned, so a broken story
 * never reaches a list. Beyond it (a cold start on a large archive: about 5 ms a story) the index
 * is returned at once and the rest are checked in the background, then the index is rebuilt.
 */
const SYNC_BODY_CHECKS =
  // `next build` checks every body before its first page: no list is prerendered with a broken
  // story, and `next start` inherits every result (check-cache.ts) instead of a background pass.
  process.env.NEXT_PHASE === 'phase-production-build' ? Infinity : Number(process.env.CONTENT_SYNC_BODY_CHECKS ?? 300);

/** Fewer new body checks than this are not written to the check cache (check-cache.ts). */
const SAVE_CHECKS_FROM = 50;
/** During background checks, results are written every this many. */
const SAVE_CHECKS_EVERY = 1000;

function newState(dir: string, log: boolean): State {
  const s: State = { dir, dirty: true, lastPoll: 0, articleCache: new Map(), logged: new Set(), derived: new Map(), history: new Map(), log };
  const file = log ? checkCacheFile() : undefined;
  if (file) s.checks = { file, results: readCheckCache(file), unsaved: new Map() };
  return s;
}

function state(): State {
  const dir = contentDir();
  const current = registry[KEY];
  if (current && current.dir === dir) return current;
  current?.watcher?.close();
  const fresh = newState(dir, true);
  registry[KEY] = fresh;
  return fresh;
}

/**
 * The current content index. Built on first use; after that rebuilt only when the watcher (or,
 * where watching is unavailable, a throttled stat poll) says a file changed. Unchanged files are
 * not re-read or re-parsed.
 */
export async function getContentIndex(): Promise<ContentIndex> {
  const s = state();
  if (!s.watcher && s.index && Date.now() - s.lastPoll > POLL_INTERVAL_MS) s.dirty = true;
  if (s.index && !s.dirty) return s.index;
  if (s.loading) return s.loading;
  s.dirty = false;
  s.loading = build(s)
    .then((index) => {
      s.index = index;
      s.lastPoll = Date.now();
      return index;
    })
    .finally(() => {
      s.loading = undefined;
    });
  ensureWatcher(s);
  return s.loading;
}

/**
 * Data computed from the index (related stories, search) kept until its key changes. Callers put
 * the index version and anything else it depends on (such as which stories are public) in the key.
 */
export function derived<T>(name: string, key: string, compute: () => T): T {
  const s = state();
  const hit = s.derived.get(name);
  if (hit && hit.key === key) return hit.value as T;
  const value = compute();
  s.derived.set(name, { key, value });
  return value;
}

/**
 * Rebuilds the index now, without waiting for the file watcher (the revalidation webhook calls
 * this after a push). A build already under way may predate the change, so it builds again after.
 */
export async function refreshContentIndex(): Promise<ContentIndex> {
  const s = state();
  if (s.loading) await s.loading.catch(() => undefined);
  s.dirty = true;
  return getContentIndex();
}

/**
 * Another instance revalidated pages (the shared Redis cache saw a newer tag expiry): read changed
 * files again before this instance renders, without waiting for its watcher, which may not have
 * seen the change (Node 20's recursive watch misses some events). Registered on globalThis because
 * the cache handler is plain JavaScript loaded outside the route bundles (lib/cache/).
 */
(globalThis as Record<symbol, unknown>)[Symbol.for('news-rebeat.refresh-content')] = refreshContentIndex;

/** The index as last built, without looking for changes: what the site knew before a refresh. */
export function peekContentIndex(): ContentIndex | undefined {
  return state().index;
}

/** Where each slug was listed while public, in this process: deleted and edited stories included. */
export function articleHistory(): ReadonlyMap<string, ArticleRefs> {
  const result = new Map<string, ArticleRefs>();
  for (const [slug, refs] of state().history) {
    result.set(slug, { sections: [...refs.sections], tags: [...refs.tags], authors: [...refs.authors] });
  }
  return result;
}

/**
 * Builds an index of a content directory from scratch, every body checked, nothing cached or
 * logged: the content check's view of the files, by the same code the server uses. `onProgress`
 * hears of each file read (step `read`) and each body checked (step `bodies`): minutes at 100,000.
 */
export async function loadContentIndex(
  dir: string,
  { onProgress }: { onProgress?: OnStepProgress } = {},
): Promise<ContentIndex & { references: ReadonlyMap<string, BodyReferences> }> {
  const s = newState(dir, false);
  const index = await build(s, Infinity, onProgress);
  const references = new Map<string, BodyReferences>();
  for (const entry of s.articleCache.values()) {
    if (entry.parsed.ok && entry.body?.references) references.set(entry.parsed.value.slug, entry.body.references);
  }
  return { ...index, references };
}

function ensureWatcher(s: State) {
  if (s.watcher || process.env.CONTENT_WATCH === '0') return;
  try {
    s.watcher = watch(s.dir, { recursive: true, persistent: false }, () => {
      s.dirty = true;
    });
    s.watcher.on('error', () => {
      // Fall back to polling; the next request rebuilds.
      s.watcher?.close();
      s.watcher = undefined;
      s.dirty = true;
    });
  } catch {
    s.watcher = undefined;
  }
}

async function listFiles(dir: string, extension: RegExp): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && extension.test(e.name))
      .map((e) => path.join(dir, e.name))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** `fn` over every item, at most `limit` at a time; results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

let versionCounter = 0;

async function build(s: State, syncBodyChecks = SYNC_BODY_CHECKS, onProgress?: OnStepProgress): Promise<ContentIndex> {
  const problems: ContentProblem[] = [];

  const sectionsFile = path.join(s.dir, 'sections.yaml');
  const sectionsSource = await readText(sectionsFile);
  let sections: Section[] = [];
  if (sectionsSource === undefined) {
    problems.push({
      file: displayPath(sectionsFile),
      line: 1,
      column: 1,
      message: 'expected a sections file listing the site sections in order',
      severity: 'error',
    });
  } else {
    const parsed = parseSections(displayPath(sectionsFile), sectionsSource);
    problems.push(...parsed.problems);
    if (parsed.ok) sections = parsed.value;
  }

  const authors = new Map<string, Author>();
  for (const file of await listFiles(path.join(s.dir, 'authors'), /\.ya?ml$/)) {
    const source = await readText(file);
    if (source === undefined) continue;
    const parsed = parseAuthor(displayPath(file), source);
    problems.push(...parsed.problems);
    if (parsed.ok) authors.set(parsed.value.id, parsed.value);
  }

  const sectionIds = new Set(sections.map((x) => x.id));
  const candidates: { article: Article; entry: ArticleEntry }[] = [];
  const broken = new Map<string, BrokenStory>();
  const seen = new Set<string>();
  const files = await listFiles(path.join(s.dir, 'articles'), /\.mdx$/);
  // Many reads in flight: one at a time, 10,000 files spent ten seconds waiting on the disk.
  let read = 0;
  const entries = await mapConcurrently(files, 64, async (file) => {
    const entry = await readArticle(s, file);
    onProgress?.(++read, files.length, 'read');
    return entry;
  });
  for (const [i, file] of files.entries()) {
    seen.add(file);
    const entry = entries[i];
    if (!entry) continue;
    const { parsed, source } = entry;
    problems.push(...parsed.problems);
    if (!parsed.ok) {
      broken.set(path.basename(file, '.mdx'), { problems: parsed.problems });
      continue;
    }
    const article = parsed.value;
    const refProblems = crossCheck(article, source, authors, sectionIds);
    problems.push(...refProblems);
    if (refProblems.some((p) => p.severity === 'error')) {
      broken.set(article.slug, { problems: refProblems, article });
      continue;
    }
    candidates.push({ article, entry });
  }
  for (const cached of s.articleCache.keys()) if (!seen.has(cached)) s.articleCache.delete(cached);

  // A body that does not compile (or uses what stories may not) keeps the story out, like bad front matter.
  const unchecked = candidates.filter((c) => !c.entry.body && !reuseCheck(s, c.article, c.entry));
  if (unchecked.length <= syncBodyChecks) {
    for (const [i, { article, entry }] of unchecked.entries()) {
      await checkEntryBody(s, article, entry);
      onProgress?.(i + 1, unchecked.length, 'bodies');
    }
    // Worth a write when it spares the next start real work (a build, a first load), not per edit.
    if (unchecked.length >= SAVE_CHECKS_FROM) saveChecks(s);
  } else {
    startBackgroundChecks(s, unchecked);
  }
  const articles: Article[] = [];
  for (const { article, entry } of candidates) {
    const bodyProblems = entry.body?.problems ?? [];
    problems.push(...bodyProblems);
    if (bodyProblems.length) broken.set(article.slug, { problems: bodyProblems, article });
    else articles.push(article);
  }

  articles.sort(newestFirst);
  rememberPublic(s, articles);
  if (s.log) logNewProblems(s, problems);
  return {
    articles,
    bySlug: new Map(articles.map((a) => [a.slug, a])),
    authors,
    sections,
    problems,
    broken,
    pendingBodyChecks: unchecked.length > syncBodyChecks ? unchecked.filter((c) => !c.entry.body).length : 0,
    version: ++versionCounter,
  };
}

async function checkEntryBody(s: State, article: Article, entry: ArticleEntry) {
  const check = await checkBody(article.body);
  setBodyCheck(article, entry, check);
  if (s.checks) {
    const key = bodyKey(article.body);
    s.checks.results.set(key, check);
    s.checks.unsaved.set(key, check);
  }
}

function setBodyCheck(article: Article, entry: ArticleEntry, { issues, references }: BodyCheck) {
  entry.body = {
    problems: issues.map((issue) => ({ file: article.file, ...issue, field: 'body', severity: 'error' as const })),
    references,
  };
}

/** Takes the build's result for this body when there is one; true when it did. */
function reuseCheck(s: State, article: Article, entry: ArticleEntry): boolean {
  const check = s.checks?.results.get(bodyKey(article.body));
  if (!check) return false;
  setBodyCheck(article, entry, check);
  return true;
}

function saveChecks(s: State) {
  if (!s.checks || s.checks.unsaved.size === 0) return;
  writeCheckCache(s.checks.file, s.checks.unsaved);
  s.checks.unsaved.clear();
}

/** Checks bodies one at a time, yielding between them, then has the next read rebuild the index. */
function startBackgroundChecks(s: State, unchecked: { article: Article; entry: ArticleEntry }[]) {
  if (s.backgroundCheck) return;
  s.backgroundCheck = (async () => {
    for (const { article, entry } of unchecked) {
      if (!entry.body) await checkEntryBody(s, article, entry);
      // A build worker may be stopped before it gets through a large archive: keep what it did.
      if ((s.checks?.unsaved.size ?? 0) >= SAVE_CHECKS_EVERY) saveChecks(s);
      await new Promise((resolve) => setImmediate(resolve));
    }
    saveChecks(s);
  })()
    .catch((error) => console.error('[content] background body check failed:', error))
    .finally(() => {
      s.backgroundCheck = undefined;
      s.dirty = true;
    });
}

/** Remembers where public stories were listed, so their pages can be refreshed after they change or go. */
function rememberPublic(s: State, articles: readonly Article[]) {
  const now = Date.now();
  for (const article of articles) {
    if (!isPublic(article, now)) continue;
    let refs = s.history.get(article.slug);
    if (!refs) s.history.set(article.slug, (refs = { sections: new Set(), tags: new Set(), authors: new Set() }));
    refs.sections.add(article.section);
    article.tags.forEach((t) => refs.tags.add(t));
    article.authors.forEach((a) => refs.authors.add(a));
  }
}

/** Re-reads and re-parses a file only when its size or modification time changed. */
async function readArticle(s: State, file: string) {
  let stamp: FileStamp;
  try {
    const info = await stat(file);
    stamp = { mtimeMs: info.mtimeMs, size: info.size };
  } catch {
    return undefined;
  }
  const cached = s.articleCache.get(file);
  if (cached && cached.stamp.mtimeMs === stamp.mtimeMs && cached.stamp.size === stamp.size) return cached;
  const source = await readText(file);
  if (source === undefined) return undefined;
  const entry: ArticleEntry = { stamp, source, parsed: parseArticle(displayPath(file), source) };
  s.articleCache.set(file, entry);
  return entry;
}

export function crossCheck(
  article: Article,
  source: string,
  authors: ReadonlyMap<string, Author>,
  sectionIds: ReadonlySet<string>,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  article.authors.forEach((id, i) => {
    if (!authors.has(id)) {
      problems.push({
        file: article.file,
        ...locateField(article.file, source, ['authors', i]),
        field: `authors.${i}`,
        message: `expected the id of a file in content/authors/ (${[...authors.keys()].slice(0, 5).join(', ')}${authors.size > 5 ? ', ...' : ''}), got ${JSON.stringify(id)}`,
        severity: 'error',
      });
    }
  });
  if (!sectionIds.has(article.section)) {
    problems.push({
      file: article.file,
      ...locateField(article.file, source, ['section']),
      field: 'section',
      message: `expected a section id from content/sections.yaml (${[...sectionIds].join(', ')}), got ${JSON.stringify(article.section)}`,
      severity: 'error',
    });
  }
  return problems;
}

export function newestFirst(a: Article, b: Article): number {
  return Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || a.slug.localeCompare(b.slug);
}

/** One log line per problem per process, so a broken file is reported once, not on every request. */
function logNewProblems(s: State, problems: readonly ContentProblem[]) {
  for (const problem of problems) {
    const line = formatProblem(problem);
    if (s.logged.has(line)) continue;
    s.logged.add(line);
    const log = problem.severity === 'error' ? console.error : console.warn;
    log(`[content] ${problem.severity === 'error' ? 'left out' : 'warning'}: ${line}`);
  }
}
