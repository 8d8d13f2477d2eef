import { getStoryImages } from '@/lib/content/known-images';
import type { Story } from '@/lib/content/schema';
import { getListingSummaries, getMonthStories, getNewestStories, getSections, getStoriesSince } from '@/lib/content/queries';
import { NEWS_MAX_STORIES, NEWS_WINDOW_MS, newsSitemapStories, renderNewsSitemap } from './news-sitemap';
import {
  newestLastmod,
  pageEntries,
  parseSitemapPart,
  planSitemap,
  renderSitemapIndex,
  renderUrlset,
  sitemapDate,
  sitemapUrlLimit,
  storyEntries,
  type SitemapEntry,
  type SitemapPlan,
} from './sitemap';

/** Sitemap entries of these stories with their images: one query for the whole page, not one per story. */
async function storyEntriesWithImages(stories: readonly Story[]): Promise<SitemapEntry[]> {
  return storyEntries(stories, await getStoryImages(stories.map((s) => s.slug)));
}

function xml(body: string): Response {
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}

/** Everything a sitemap needs to know without reading a story: counts and stamps per listing. */
async function currentPlan(): Promise<{ plan: SitemapPlan; pages: SitemapEntry[] }> {
  const [sections, sectionStamps, tags, authors, months, all] = await Promise.all([
    getSections(),
    getListingSummaries('section'),
    getListingSummaries('tag'),
    getListingSummaries('author'),
    getListingSummaries('month'),
    getListingSummaries('all'),
  ]);
  const pages = pageEntries({ sections, sectionStamps, tags, authors, frontModifiedMs: all[0]?.modifiedMs });
  return { plan: planSitemap(pages.length, months, sitemapUrlLimit()), pages };
}

/** /sitemap.xml: every public page, or the index of the parts once there are too many URLs. */
export async function rootSitemapResponse(): Promise<Response> {
  const { plan, pages } = await currentPlan();
  if (plan.kind === 'urlset') {
    // Within the per-file limit, so this list is bounded whatever the archive's size.
    return xml(renderUrlset([...pages, ...(await storyEntriesWithImages(await getNewestStories(sitemapUrlLimit())))]));
  }
  const pagesLastmod = newestLastmod(pages);
  return xml(
    renderSitemapIndex(plan.parts.map((part) => ({ lastmod: part.kind === 'stories' ? sitemapDate(part.modifiedMs) : pagesLastmod }))),
  );
}

/** /sitemaps/<n>.xml: one part of a split sitemap; 404 when the site fits in one file. */
export async function sitemapPartResponse(segment: string): Promise<Response> {
  const n = parseSitemapPart(segment);
  const { plan, pages } = n === undefined ? { plan: undefined, pages: [] } : await currentPlan();
  const part = plan?.kind === 'index' ? plan.parts[n! - 1] : undefined;
  if (!part) return new Response('Not found', { status: 404 });
  const entries =
    part.kind === 'pages'
      ? pages.slice(part.offset, part.offset + part.limit)
      : await storyEntriesWithImages(await getMonthStories(part.month, part.offset, part.limit));
  return xml(renderUrlset(entries));
}

/** How many parts the sitemap has now (0 when it is one file), for prerendering. */
export async function sitemapPartCount(): Promise<number> {
  const { plan } = await currentPlan();
  return plan.kind === 'index' ? plan.parts.length : 0;
}

/** /news-sitemap.xml: stories of the last 48 hours for Google News. */
export async function newsSitemapResponse(): Promise<Response> {
  const now = Date.now();
  return xml(renderNewsSitemap(newsSitemapStories(await getStoriesSince(now - NEWS_WINDOW_MS), now).slice(0, NEWS_MAX_STORIES)));
}
