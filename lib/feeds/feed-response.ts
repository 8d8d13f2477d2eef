import { getLiveFeedEntries } from '@/lib/content/live';
import type { Story } from '@/lib/content/schema';
import { isValidSlug } from '@/lib/content/slug';
import { getAuthors, getNewestStories, getSection, getSections, getStoryCodes } from '@/lib/content/queries';
import { FEED_TYPES } from '@/lib/seo/metadata';
import type { FeedFormat } from '@/lib/urls';
import { renderAtom } from './atom';
import { buildFeed } from './build-feed';
import { buildLiveFeed } from './live-feed';
import { FEED_SIZE } from './feed';
import { renderJsonFeed } from './json-feed';
import { renderRss } from './rss';

const render = { rss: renderRss, atom: renderAtom, json: renderJsonFeed };

/** A story as feed readers get it: HTML from its compiled body (components/feed/FeedStoryHtml.tsx). */
export type RenderFeedStory = (story: Story, code: string) => Promise<string>;

/** The route handlers' whole job: the site's (or a section's) feed in one format, or a 404. */
export async function feedResponse(format: FeedFormat, renderStory: RenderFeedStory, sectionId?: string): Promise<Response> {
  const section = sectionId === undefined ? undefined : await getSection(sectionId);
  if (sectionId !== undefined && !section) return new Response('Not found', { status: 404 });
  const stories = await getNewestStories(FEED_SIZE, { section: section?.id });
  const [codes, authors, sections] = await Promise.all([
    getStoryCodes(stories.map((a) => a.slug)),
    getAuthors([...new Set(stories.flatMap((a) => a.authors))]),
    getSections(),
  ]);
  const feed = await buildFeed({
    stories,
    authors: new Map(authors.map((a) => [a.id, a])),
    sections,
    section,
    renderHtml: (story) => renderStory(story, codes.get(story.slug) ?? ''),
  });
  return new Response(render[format](feed), {
    headers: { 'Content-Type': `${FEED_TYPES[format]}; charset=utf-8` },
  });
}

/** A live story's feed of its updates in one format (app/live/[slug]/feed.xml, atom.xml, feed.json), or a 404. */
export function liveFeedRoute(format: FeedFormat, renderUpdate: (code: string) => Promise<string>) {
  return async (_request: Request, { params }: { params: Promise<{ slug: string }> }): Promise<Response> => {
    const { slug } = await params;
    const found = isValidSlug(slug) ? await getLiveFeedEntries(slug, FEED_SIZE) : undefined;
    if (!found) return new Response('Not found', { status: 404 });
    const ids = new Set([...found.story.authors, ...found.entries.flatMap((e) => e.update.authors ?? [])]);
    const authors = await getAuthors([...ids]);
    const feed = await buildLiveFeed({
      story: found.story,
      entries: found.entries,
      authors: new Map(authors.map((a) => [a.id, a])),
      renderHtml: (entry) => renderUpdate(entry.code),
    });
    return new Response(render[format](feed), { headers: { 'Content-Type': `${FEED_TYPES[format]}; charset=utf-8` } });
  };
}

/** A section feed route's GET (app/[section]/feed.xml, atom.xml, feed.json): the same handler in each format. */
export function sectionFeedRoute(format: FeedFormat, renderStory: RenderFeedStory) {
  return async (_request: Request, { params }: { params: Promise<{ section: string }> }): Promise<Response> =>
    feedResponse(format, renderStory, (await params).section);
}
