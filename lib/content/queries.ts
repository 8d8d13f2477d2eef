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
