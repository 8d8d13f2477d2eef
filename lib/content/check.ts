import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { checkBody, type BodyCheck } from '@/lib/mdx/compile';
import { isImagePath } from '@/lib/security/safe-path';
import type { BodyReferences } from '@/lib/mdx/safe-mdx';
import { displayPath } from './content-dir';
import { parseYaml } from './front-matter';
import { openIndex, type IndexDb } from './index/database';
import { crossCheck, reconcile } from './index/reconcile';
import { checkLink, publicFileExists, type LinkTargets } from './links';
import { locateField, parseArticle } from './parse';
import type { ContentProblem } from './problems';
import type { Article, Author, Section } from './schema';
import type { OnStepProgress } from '@/lib/progress';
import { slugify } from './slug';

/** A standfirst longer than this crowds the headline on phones; a warning, not an error. */
export const DEK_WARN_LENGTH = 200;

/** Top-level paths the site uses itself, which a section id (its URL, /<id>) must not take. */
export const RESERVED_SECTION_IDS = new Set(['articles', 'authors', 'tags', 'api', 'preview', 'search', 'feed', '_next']);

export type CheckReport = { problems: ContentProblem[]; files: number };

export type CheckOptions = {
  /** Called as stories are read: a check of a large archive takes minutes. */
  onProgress?: OnStepProgress;
  /** Checks many bodies at once (the CLI uses both cores); one after another when absent. */
  checkBodies?: (bodies: readonly string[]) => Promise<BodyCheck[]>;
};

/**
 * Checks a whole content directory, as `npm run content:check` does: it builds a fresh content
 * index with the code the server uses (front matter, authors and sections that exist, MDX that
 * compiles within what stories may use), then adds what only an editor needs to hear before
 * publishing: unique ids, links that resolve, images that exist, and warnings. Problems come
 * sorted by file and line.
 */
export async function checkContent(dir: string, publicDir: string, options: CheckOptions = {}): Promise<CheckReport> {
  return withFreshIndex(dir, (db) => reportOn(db, dir, publicDir, options.onProgress), options);
}

/**
 * Builds a content index of `dir` from scratch in a temporary file, by the code the server uses,
 * hands it to `fn`, then deletes it: the check never trusts an index it did not just build.
 */
export async function withFreshIndex<T>(dir: string, fn: (db: IndexDb) => Promise<T>, options: CheckOptions = {}): Promise<T> {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'news-rebeat-check-'));
  const { db } = openIndex(path.join(temp, 'index.sqlite'), dir);
  try {
    await reconcile(db, dir, { onProgress: (done, total) => options.onProgress?.(done, total, 'stories'), checkBodies: options.checkBodies });
    return await fn(db);
  } finally {
    db.close();
    rmSync(temp, { recursive: true, force: true });
  }
}

type FileRow = { path: string; kind: string; problems: string; parsed: string | null; refs: string | null };

async function reportOn(db: IndexDb, dir: string, publicDir: string, onProgress?: OnStepProgress): Promise<CheckReport> {
  const rows = db.prepare('SELECT path, kind, problems, parsed, refs FROM files ORDER BY path').all() as FileRow[];
  const problems: ContentProblem[] = rows.flatMap((r) => JSON.parse(r.problems) as ContentProblem[]);
  if (!rows.some((r) => r.kind === 'sections')) {
    problems.push({
      file: displayPath(path.join(dir, 'sections.yaml')),
      line: 1,
      column: 1,
      message: 'expected a sections file listing the site sections in order',
      severity: 'error',
    });
  }
  const sections = (db.prepare('SELECT section FROM sections ORDER BY position').all() as { section: string }[]).map((r) => JSON.parse(r.section) as Section);
  const authors = new Map(
    (db.prepare('SELECT id, author FROM authors').all() as { id: string; author: string }[]).map((r) => [r.id, JSON.parse(r.author) as Author]),
  );
  const targets = indexLinkTargets(db, publicDir);
  problems.push(...(await checkSectionIds(dir, sections)));
  problems.push(...(await checkAuthorFiles(dir, authors, publicDir)));

  const articleFiles = await listDir(path.join(dir, 'articles'));
  for (const name of articleFiles.filter((n) => !n.endsWith('.mdx'))) {
    problems.push({
      file: displayPath(path.join(dir, 'articles', name)),
      line: 1,
      column: 1,
      message: 'not read: story files must end in .mdx',
      severity: 'warning',
    });
  }

  const tagSpellings = new Map<string, Map<string, { file: string; source: string; index: number }>>();
  // Every story whose front matter is valid, even one left out for its body or references, is
  // checked for the rest, so one run shows everything.
  const stories = rows.filter((r) => r.kind === 'article' && r.parsed);
  for (const [i, row] of stories.entries()) {
    if (i % 500 === 0) onProgress?.(i, stories.length, 'links and tags');
    if (!row.parsed) continue;
    const article = { ...(JSON.parse(row.parsed) as Omit<Article, 'body'>), body: '' };
    const source = await readFile(path.join(dir, row.path), 'utf8');
    const refs = row.refs ? (JSON.parse(row.refs) as BodyReferences) : undefined;
    problems.push(...storyExtras(article, source, refs, targets));
    article.tags.forEach((tag, i) => {
      const slug = slugify(tag);
      if (!slug) return;
      const spellings = tagSpellings.get(slug) ?? new Map();
      if (!spellings.has(tag)) spellings.set(tag, { file: article.file, source, index: i });
      tagSpellings.set(slug, spellings);
    });
  }
  onProgress?.(stories.length, stories.length, 'links and tags');
  // Two spellings of one tag share a page; the page shows one of them, so pick one.
  for (const [slug, spellings] of tagSpellings) {
    if (spellings.size < 2) continue;
    const [first, ...others] = [...spellings.keys()];
    for (const other of others) {
      const where = spellings.get(other)!;
      problems.push({
        file: where.file,
        ...locateField(where.file, where.source, ['tags', where.index]),
        field: `tags.${where.index}`,
        message: `expected one spelling per tag: ${JSON.stringify(other)} and ${JSON.stringify(first)} both become /tags/${slug}`,
        severity: 'warning',
      });
    }
  }

  const files = articleFiles.length + authors.size + 1;
  return { problems: sortProblems(dedupe(problems)), files };
}

/**
 * Checks one story file's text against the live site, as the editor's live preview does: the
 * same steps as the content check for a story, with authors, sections and link targets taken
 * from the server's content index.
 */
export async function checkStorySource(file: string, source: string, db: IndexDb, publicDir: string): Promise<ContentProblem[]> {
  const parsed = parseArticle(file, source);
  if (!parsed.ok) return sortProblems(parsed.problems);
  const article = parsed.value;
  const ids = (query: string) => new Set((db.prepare(query).all() as { id: string }[]).map((r) => r.id));
  const problems = crossCheck(article, source, ids('SELECT id FROM authors'), ids('SELECT id FROM sections'));
  // Checking caches nothing (lib/mdx/compile.ts): what an editor types leaves no trace.
  const { issues, references } = await checkBody(article.body);
  problems.push(...issues.map((issue) => ({ file, ...issue, field: 'body', severity: 'error' as const })));
  const targets = indexLinkTargets(db, publicDir);
  // The story being edited may link to itself, or be new.
  const articles = {
    has: (slug: string) => slug === article.slug || targets.articles.has(slug),
    get: (slug: string) => (slug === article.slug ? article : targets.articles.get(slug)),
  };
  problems.push(...storyExtras(article, source, references, { ...targets, articles }));
  return sortProblems(problems);
}

/** The checks on a valid story that the server does not make when loading: images, links, warnings. */
function storyExtras(
  article: Article,
  source: string,
  references: BodyReferences | undefined,
  targets: LinkTargets,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const at = (fieldPath: (string | number)[]) => locateField(article.file, source, fieldPath);

  if (article.dek.length > DEK_WARN_LENGTH) {
    problems.push({
      file: article.file,
      ...at(['dek']),
      field: 'dek',
      message: `expected at most ${DEK_WARN_LENGTH} characters so it reads well under the headline, got ${article.dek.length}`,
      severity: 'warning',
    });
  }
  if (article.image && !publicFileExists(targets.publicDir, article.image.src)) {
    problems.push({
      file: article.file,
      ...at(['image', 'src']),
      field: 'image.src',
      message: `expected an image file under public/ (public${article.image.src}), got ${JSON.stringify(article.image.src)}, which does not exist`,
      severity: 'error',
    });
  }
  article.tags.forEach((tag, i) => {
    if (!slugify(tag)) {
      problems.push({
        file: article.file,
        ...at(['tags', i]),
        field: `tags.${i}`,
        message: `expected a tag with letters or digits (it becomes the address /tags/...), got ${JSON.stringify(tag)}`,
        severity: 'error',
      });
    }
  });
  for (const link of references?.links ?? []) {
    const problem = checkLink(link.url, article, targets);
    if (problem) problems.push({ file: article.file, line: link.line, column: link.column, field: 'body', ...problem });
  }
  for (const image of references?.images ?? []) {
    // A src that breaks the image-path rule is already refused by the body check.
    if (isImagePath(image.src) && !publicFileExists(targets.publicDir, image.src)) {
      problems.push({
        file: article.file,
        line: image.line,
        column: image.column,
        field: 'body',
        message: `<Figure> src: expected an image file under public/ (public${image.src}), got ${JSON.stringify(image.src)}, which does not exist`,
        severity: 'error',
      });
    }
  }
  return problems;
}

/** What links may point to, looked up in the index one link at a time. */
function indexLinkTargets(db: IndexDb, publicDir: string): LinkTargets {
  const story = db.prepare('SELECT article FROM stories WHERE slug = ?');
  const file = db.prepare('SELECT parsed FROM files WHERE path = ?');
  const lookup = (slug: string): Pick<Article, 'draft' | 'publishedAt'> | undefined | null => {
    const row = (story.get(slug) ?? file.get(`articles/${slug}.mdx`)) as { article?: string; parsed?: string | null } | undefined;
    if (!row) return null;
    const json = row.article ?? row.parsed;
    return json ? (JSON.parse(json) as Article) : undefined;
  };
  const has = (sql: string) => {
    const statement = db.prepare(sql);
    return { has: (key: string) => statement.get(key) !== undefined };
  };
  return {
    articles: { has: (slug) => lookup(slug) !== null, get: (slug) => lookup(slug) ?? undefined },
    authors: has('SELECT 1 FROM authors WHERE id = ?'),
    sections: has('SELECT 1 FROM sections WHERE id = ?'),
    tags: has('SELECT 1 FROM tag_counts WHERE tag = ? AND stories > 0'),
    publicDir,
  };
}

/** Section ids are addresses (/world): each once, and none that the site's own pages use. */
async function checkSectionIds(dir: string, sections: readonly Section[]): Promise<ContentProblem[]> {
  const file = path.join(dir, 'sections.yaml');
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    return [];
  }
  const yaml = parseYaml(displayPath(file), source);
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  sections.forEach((section, i) => {
    const where = { file: displayPath(file), ...yaml.locate(['sections', i, 'id']), field: `sections.${i}.id` };
    if (seen.has(section.id)) {
      problems.push({ ...where, message: `expected each section id once, got ${JSON.stringify(section.id)} again`, severity: 'error' });
    }
    if (RESERVED_SECTION_IDS.has(section.id)) {
      problems.push({
        ...where,
        message: `expected a section id the site does not use itself (not ${[...RESERVED_SECTION_IDS].join(', ')}), got ${JSON.stringify(section.id)}`,
        severity: 'error',
      });
    }
    seen.add(section.id);
  });
  return problems;
}

/** One file per author (not both x.yaml and x.yml), and avatars that exist. */
async function checkAuthorFiles(dir: string, authors: ReadonlyMap<string, Author>, publicDir: string): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const names = (await listDir(path.join(dir, 'authors'))).filter((n) => /\.ya?ml$/.test(n));
  const byId = new Map<string, string>();
  for (const name of names) {
    const id = name.replace(/\.ya?ml$/, '');
    const other = byId.get(id);
    if (other) {
      problems.push({
        file: displayPath(path.join(dir, 'authors', name)),
        line: 1,
        column: 1,
        field: 'id',
        message: `expected one file per author, got ${name} and ${other} for the same id`,
        severity: 'error',
      });
    }
    byId.set(id, name);
  }
  for (const author of authors.values()) {
    if (author.avatar && !publicFileExists(publicDir, author.avatar.src)) {
      const source = await readFile(path.join(dir, 'authors', path.basename(author.file)), 'utf8');
      problems.push({
        file: author.file,
        ...parseYaml(author.file, source).locate(['avatar', 'src']),
        field: 'avatar.src',
        message: `expected an image file under public/ (public${author.avatar.src}), got ${JSON.stringify(author.avatar.src)}, which does not exist`,
        severity: 'error',
      });
    }
  }
  return problems;
}

async function listDir(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

function dedupe(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.field}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
  );
}
