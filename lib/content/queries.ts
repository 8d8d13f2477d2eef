import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentDir, displayPath } from './content-dir';
import { formatProblem, type ContentProblem } from './problems';
import { getContentIndex } from './store';
import { isPublic } from './visibility';
import type { Article, Author, Section } from './schema';

/** Public articles, newest first. */
export async function getPublishedArticles(): Promise<Article[]> {
  const index = await getContentIndex();
  const now = Date.now();
  return index.articles.filter((a) => isPublic(a, now));
}

/** The public article with this slug, or undefined (unknown, draft, scheduled or hidden sample). */
export async function getArticle(slug: string): Promise<Article | undefined> {
  const index = await getContentIndex();
  const article = index.bySlug.get(slug);
  return article && isPublic(article) ? article : undefined;
}

/** Thrown for a public story whose file now has errors: the render fails, so Next keeps the last good page. */
export class BrokenStoryError extends Error {
  constructor(slug: string, problems: readonly ContentProblem[]) {
    super(
      `story ${slug} has errors; its last good page stays until they are fixed:\n` +
        problems.map(formatProblem).join('\n'),
    );
    this.name = 'BrokenStoryError';
  }
}

export type StoryForPage =
  | { kind: 'story'; article: Article; public: boolean }
  | { kind: 'problems'; slug: string; problems: readonly ContentProblem[] };

/**
 * The story an article page shows. Readers get public stories only; in preview (draft mode),
 * drafts and scheduled stories too, and a file with errors shows its problems. For readers, a
 * story whose file has errors throws rather than 404s, unless it was a draft, scheduled or
 * hidden sample anyway: a failed background render keeps the last good page in Next's cache.
 */
export async function getStoryForPage(slug: string, { preview = false } = {}): Promise<StoryForPage | undefined> {
  const index = await getContentIndex();
  const article = index.bySlug.get(slug);
  if (article) {
    const visible = isPublic(article);
    return visible || preview ? { kind: 'story', article, public: visible } : undefined;
  }
  const broken = index.broken.get(slug);
  if (!broken) return undefined;
  if (preview) return { kind: 'problems', slug, problems: broken.problems };
  if (broken.article && !isPublic(broken.article)) return undefined;
  throw new BrokenStoryError(slug, broken.problems);
}

/** The raw file of a story (front matter and body), draft or broken included, for the live editor. */
export async function getStorySource(slug: string): Promise<{ file: string; source: string } | undefined> {
  const index = await getContentIndex();
  if (!index.bySlug.has(slug) && !index.broken.has(slug)) return undefined;
  const absolute = path.join(contentDir(), 'articles', `${slug}.mdx`);
  try {
    return { file: displayPath(absolute), source: await readFile(absolute, 'utf8') };
  } catch {
    return undefined;
  }
}

export async function getSections(): Promise<readonly Section[]> {
  return (await getContentIndex()).sections;
}

export async function getSection(id: string): Promise<Section | undefined> {
  return (await getContentIndex()).sections.find((s) => s.id === id);
}

export async function getAuthors(ids: readonly string[]): Promise<Author[]> {
  const index = await getContentIndex();
  return ids.map((id) => index.authors.get(id)).filter((a): a is Author => Boolean(a));
}

/** An author with at least one public story (sample authors disappear with their samples). */
export async function getPublicAuthor(id: string): Promise<{ author: Author; articles: Article[] } | undefined> {
  const index = await getContentIndex();
  const author = index.authors.get(id);
  if (!author) return undefined;
  const articles = (await getPublishedArticles()).filter((a) => a.authors.includes(id));
  if (articles.length === 0) return undefined;
  return { author, articles };
}

export async function getPublicAuthorIds(): Promise<string[]> {
  const ids = new Set<string>();
  for (const article of await getPublishedArticles()) article.authors.forEach((id) => ids.add(id));
  return [...ids].sort();
}
