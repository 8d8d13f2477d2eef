import type { Article } from './schema';

/** When the story last changed in substance: the later of publication and its update. */
export function lastModifiedAt(article: Article): string {
  return article.updatedAt ?? article.publishedAt;
}
