import { getPublicAuthorIds, getPublishedArticles, getSections } from '@/lib/content/queries';
import { newsSitemapArticles, renderNewsSitemap } from './news-sitemap';
import {
  parseSitemapPart,
  planSitemap,
  renderRootSitemap,
  renderSitemapPart,
  sitemapEntries,
  sitemapUrlLimit,
  type SitemapPlan,
} from './sitemap';

function xml(body: string): Response {
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
}

async function currentPlan(): Promise<SitemapPlan> {
  const [articles, sections, authorIds] = await Promise.all([getPublishedArticles(), getSections(), getPublicAuthorIds()]);
  return planSitemap(sitemapEntries({ articles, sections, authorIds }), sitemapUrlLimit());
}

/** /sitemap.xml: every public page, or the index of the parts once there are too many URLs. */
export async function rootSitemapResponse(): Promise<Response> {
  return xml(renderRootSitemap(await currentPlan()));
}

/** /sitemaps/<n>.xml: one part of a split sitemap; 404 when the site fits in one file. */
export async function sitemapPartResponse(segment: string): Promise<Response> {
  const n = parseSitemapPart(segment);
  const body = n === undefined ? undefined : renderSitemapPart(await currentPlan(), n);
  return body === undefined ? new Response('Not found', { status: 404 }) : xml(body);
}

/** How many parts the sitemap has now (0 when it is one file), for prerendering. */
export async function sitemapPartCount(): Promise<number> {
  const plan = await currentPlan();
  return plan.kind === 'index' ? plan.parts.length : 0;
}

/** /news-sitemap.xml: stories of the last 48 hours for Google News. */
export async function newsSitemapResponse(): Promise<Response> {
  return xml(renderNewsSitemap(newsSitemapArticles(await getPublishedArticles())));
}
