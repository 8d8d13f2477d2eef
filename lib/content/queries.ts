import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { contentDir, displayPath } from './content-dir';
import { formatProblem, type ContentProblem } from './problems';
import { buildRelatedModel, type RelatedScore } from './related';
import { slugify } from './slug';
import { derived, getContentIndex } from './store';
import { isPublic } from './visibility';
import { samplesHidden } from '@/lib/site';
import type { Article, Author, Section } from './schema';

/** Public articles, newest first. */
export async function getPublishedArticles(): Promise<readonly Article[]> {
  return (await publicStories()).articles;
}

/**
 * The public articles and a key naming exactly that set, for data derived from it (tags, related).
 * Every page asks, several times, so the list is computed once per index and kept until a scheduled
 * story's time comes (or HIDE_SAMPLES changes): filtering 10,000 stories on each call was most of
 * the cost of rendering a page at that scale.
 */
async function publicStories(): Promise<{ key: string; articles: readonly Article[] }> {
  const index = await getContentIndex();
  const now = Date.now();
  const times = derived('publish-times', String(index.version), () =>
    index.articles.map((a) => Date.parse(a.publishedAt)).sort((a, b) => a - b),
  );
  const key = `${index.version}:${samplesHidden()}:${countAtOrBefore(times, now)}`;
  return { key, articles: derived('published', key, () => index.articles.filter((a) => isPublic(a, now))) };
}

/** How many of these ascending times are at or before `t` (binary search). */
function countAtOrBefore(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
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

export async function getSectionArticles(id: string): Promise<Article[]> {
  return (await getPublishedArticles()).filter((a) => a.section === id);
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

export type Tag = { slug: string; name: string; articles: Article[] };

/**
 * Public tags by URL slug. Tags are matched case-insensitively ("Defence" and "defence" are one
 * tag); the name shown is the spelling used by the newest story.
 */
export async function getTags(): Promise<ReadonlyMap<string, Tag>> {
  const { key, articles: published } = await publicStories();
  // Once per index and set of public stories, not on every tag page.
  return derived('tags', key, () => {
    const tags = new Map<string, Tag>();
    for (const article of published) {
      for (const name of article.tags) {
        const slug = slugify(name);
        if (!slug) continue;
        const tag = tags.get(slug) ?? tags.set(slug, { slug, name, articles: [] }).get(slug)!;
        if (tag.articles.at(-1) !== article) tag.articles.push(article);
      }
    }
    return tags;
  });
}

export async function getTag(slug: string): Promise<Tag | undefined> {
  return (await getTags()).get(slug);
}

/**
 * Related stories with their score breakdown (see related.ts). The model is computed once per
 * content index and set of public stories, so a scheduled story joins when it goes live.
 */
export async function getRelated(article: Article, limit = 5): Promise<{ article: Article; why: RelatedScore }[]> {
  const index = await getContentIndex();
  const { key, articles: published } = await publicStories();
  const model = derived('related', key, () => buildRelatedModel(published, 5));
  return (model.get(article.slug) ?? [])
    .slice(0, limit)
    .map((why) => ({ article: index.bySlug.get(why.slug)!, why }))
    .filter((x) => x.article);
}

/** Other stories by the article's first author, newest first. */
export async function getMoreFromAuthor(article: Article, limit = 4): Promise<Article[]> {
  const authorId = article.authors[0];
  if (!authorId) return [];
  return (await getPublishedArticles()).filter((a) => a.slug !== article.slug && a.authors.includes(authorId)).slice(0, limit);
}
