import type { Article } from './schema';

/**
 * When the story last changed in public: the latest of publication, its update and its
 * corrections (a correction changes what readers see, so it sets dateModified too).
 */
export function lastModifiedAt(article: Pick<Article, 'publishedAt' | 'updatedAt' | 'corrections'>): string {
  let latest = article.publishedAt;
  for (const candidate of [article.updatedAt, ...(article.corrections ?? []).map((c) => c.date)]) {
    if (candidate && Date.parse(candidate) > Date.parse(latest)) latest = candidate;
  }
  return latest;
}
