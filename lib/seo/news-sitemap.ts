import type { Story } from '@/lib/content/schema';
import { site } from '@/lib/site';
import { storyUrl, isCanonicalHere } from './canonical';
import { XML_DECLARATION, element } from './xml';

/** Google News takes stories published in the last two days, at most 1,000 per sitemap. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_MAX_STORIES = 1000;

/**
 * Of public stories, newest first (as the content index lists them), those canonical here and
 * published within the window before `now`.
 */
export function newsSitemapStories(stories: readonly Story[], now: number = Date.now()): Story[] {
  return stories.filter((a) => isCanonicalHere(a) && now - Date.parse(a.publishedAt) <= NEWS_WINDOW_MS).slice(0, NEWS_MAX_STORIES);
}

/**
 * The Google News sitemap. With no story in the window it is an empty urlset: Google reads that as
 * "nothing new", while the sitemaps.org schema (which wants at least one <url>) would reject it.
 */
export function renderNewsSitemap(stories: readonly Story[]): string {
  const publication = `<news:publication>${element('news:name', site.name)}${element('news:language', site.language)}</news:publication>`;
  const urls = stories.map(
    (a) =>
      `<url>${element('loc', storyUrl(a))}<news:news>${publication}${element('news:publication_date', a.publishedAt)}${element('news:title', a.title)}</news:news></url>`,
  );
  return `${XML_DECLARATION}\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}${urls.length ? '\n' : ''}</urlset>\n`;
}
