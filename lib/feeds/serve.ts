import { getContentIndex } from '@/lib/content/store';
import { getPublishedArticles, getSection } from '@/lib/content/queries';
import { FEED_TYPES } from '@/lib/seo/metadata';
import { renderAtom } from './atom';
import { buildFeed } from './build';
import { renderJsonFeed } from './json-feed';
import { renderRss } from './rss';

export type FeedFormat = 'rss' | 'atom' | 'json';

const render = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

/** The route handlers' whole job: the site's (or a section's) feed in one format, or a 404. */
export async function feedResponse(format: FeedFormat, sectionId?: string): Promise<Response> {
  const index = await getContentIndex();
  const section = sectionId === undefined ? undefined : await getSection(sectionId);
  if (sectionId !== undefined && !section) return new Response('Not found', { status: 404 });
  const feed = await buildFeed({
    articles: await getPublishedArticles(),
    authors: index.authors,
    sections: index.sections,
    section,
  });
  return new Response(render[format](feed), {
    headers: { 'Content-Type': `${FEED_TYPES[format]}; charset=utf-8` },
  });
}
