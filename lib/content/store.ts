import { watch, type FSWatcher } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { contentDir, displayPath } from './content-dir';
import { locateField, parseArticle, parseAuthor, parseSections } from './parse';
import { formatProblem, type ContentProblem } from './problems';
import type { Article, Author, Section } from './schema';

/** Everything the site knows about its content, built once and swapped whole when files change. */
export type ContentIndex = {
  /** Every valid article, drafts and scheduled ones included, newest first. */
  articles: readonly Article[];
  bySlug: ReadonlyMap<string, Article>;
  authors: ReadonlyMap<string, Author>;
  sections: readonly Section[];
  problems: readonly ContentProblem[];
  /** Bumped on every rebuild; lets derived data (related, search) cache per version. */
  version: number;
};

type FileStamp = { mtimeMs: number; size: number };

type State = {
  dir: string;
  index?: ContentIndex;
  loading?: Promise<ContentIndex>;
  dirty: boolean;
  watcher?: FSWatcher;
  lastPoll: number;
  articleCache: Map<string, { stamp: FileStamp; source: string; parsed: ReturnType<typeof parseArticle> }>;
  logged: Set<string>;
  derived: Map<string, { key: string; value: unknown }>;
};

// One index per process: Next may evaluate this module once per route bundle, so it lives on globalThis.
const KEY = Symbol.for('news-rebeat.content-store');
const registry = globalThis as typeof globalThis & { [KEY]?: State };

/** Without a file watcher, how often the files are stat'ed for changes (only when content is asked for). */
const POLL_INTERVAL_MS = 2000;

function state(): State {
  const dir = contentDir();
  const current = registry[KEY];
  if (current && current.dir === dir) return current;
  current?.watcher?.close();
  const fresh: State = { dir, dirty: true, lastPoll: 0, articleCache: new Map(), logged: new Set(), derived: new Map() };
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

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

let versionCounter = 0;

async function build(s: State): Promise<ContentIndex> {
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
  const articles: Article[] = [];
  const seen = new Set<string>();
  for (const file of await listFiles(path.join(s.dir, 'articles'), /\.mdx$/)) {
    seen.add(file);
    const entry = await readArticle(s, file);
    if (!entry) continue;
    const { parsed, source } = entry;
    problems.push(...parsed.problems);
    if (!parsed.ok) continue;
    const article = parsed.value;
    const refProblems = crossCheck(article, source, authors, sectionIds);
    problems.push(...refProblems);
    if (refProblems.some((p) => p.severity === 'error')) continue;
    articles.push(article);
  }
  for (const cached of s.articleCache.keys()) if (!seen.has(cached)) s.articleCache.delete(cached);

  articles.sort(newestFirst);
  logNewProblems(s, problems);
  return {
    articles,
    bySlug: new Map(articles.map((a) => [a.slug, a])),
    authors,
    sections,
    problems,
    version: ++versionCounter,
  };
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
  const entry = { stamp, source, parsed: parseArticle(displayPath(file), source) };
  s.articleCache.set(file, entry);
  return entry;
}

function crossCheck(
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
