import type { Article } from './schema';

/**
 * Related stories for the walking skeleton: other public stories that share the section or at
 * least one tag, ranked by how many of those they share, then newest first, then slug.
 * `candidates` must already be the public set; the story itself is never included.
 */
export function relatedArticles(article: Article, candidates: readonly Article[], limit = 5): Article[] {
  const tags = new Set(article.tags.map((t) => t.toLowerCase()));
  return candidates
    .filter((c) => c.slug !== article.slug)
    .map((c) => ({
      c,
      score:
        (c.section === article.section ? 1 : 0) + c.tags.filter((t) => tags.has(t.toLowerCase())).length,
    }))
    .filter((x) => x.score > 0)
    .sort(
      (x, y) =>
        y.score - x.score ||
        Date.parse(y.c.publishedAt) - Date.parse(x.c.publishedAt) ||
        x.c.slug.localeCompare(y.c.slug),
    )
    .slice(0, limit)
    .map((x) => x.c);
}
