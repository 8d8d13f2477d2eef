/**
 * Newest first, then by slug: the order of every listing (queries.ts, `ORDER BY published_ms DESC,
 * slug`), and how search results (lib/search/engine.ts) and related stories (related-ranking.ts) break a
 * tie in score. The slug makes the order total, so a page never shuffles between two requests.
 */
export function newestFirst(aMs: number, aSlug: string, bMs: number, bSlug: string): number {
  return bMs - aMs || (aSlug < bSlug ? -1 : aSlug > bSlug ? 1 : 0);
}
