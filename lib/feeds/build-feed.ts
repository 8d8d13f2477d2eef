import { publicDir } from '@/lib/content/content-dir';
import { lastModifiedAt } from '@/lib/content/last-modified';
import type { Story, Author, Section } from '@/lib/content/schema';
import { storyUrl } from '@/lib/seo/canonical';
import { imageFileInfo } from '@/lib/media/image-file';
import { LOGO } from '@/lib/seo/jsonld';
import { absoluteUrl, site } from '@/lib/site';
import { paths } from '@/lib/urls';
import { FEED_SIZE, type Feed, type FeedImage, type FeedItem } from './feed';

export type FeedInput = {
  /** Public stories, newest first, as the content index lists them (lib/content/queries.ts). */
  stories: readonly Story[];
  authors: ReadonlyMap<string, Author>;
  sections: readonly Section[];
  /** A section's own feed; the whole site's when absent. */
  section?: Section;
  now?: number;
  /** Renders a story's HTML (serve.ts runs the body the index compiled; tests pass their own). */
  renderHtml: (story: Story) => Promise<string>;
};

/** The newest FEED_SIZE public stories (of one section, when given) as a format-neutral feed. */
export async function buildFeed({ stories, authors, sections, section, now = Date.now(), renderHtml }: FeedInput): Promise<Feed> {
  const chosen = stories.slice(0, FEED_SIZE);
  const sectionName = (id: string) => sections.find((s) => s.id === id)?.name;

  const items = await Promise.all(
    chosen.map(async (story): Promise<FeedItem> => {
      const url = storyUrl(story);
      const name = sectionName(story.section);
      return {
        id: url,
        url,
        ...(story.canonicalUrl ? { externalUrl: story.canonicalUrl } : {}),
        title: story.title,
        summary: story.dek,
        contentHtml: await renderHtml(story),
        published: story.publishedAt,
        updated: lastModifiedAt(story),
        authors: story.authors
          .map((id) => authors.get(id))
          .filter((a): a is Author => Boolean(a))
          .map((a) => ({ name: a.name, url: absoluteUrl(paths.author(a.id)) })),
        categories: [...(name ? [name] : []), ...story.tags],
        ...(story.image ? { image: await feedImage(story.image.src) } : {}),
      };
    }),
  );

  const updated = items.reduce<string | undefined>(
    (acc, item) => (acc === undefined || Date.parse(item.updated) > Date.parse(acc) ? item.updated : acc),
    undefined,
  );
  return {
    title: section ? `${site.name}: ${section.name}` : site.name,
    description: section ? section.description : site.description,
    language: site.language,
    homeUrl: absoluteUrl(section ? paths.section(section.id) : paths.front()),
    urls: {
      rss: absoluteUrl(paths.feed('rss', section?.id)),
      atom: absoluteUrl(paths.feed('atom', section?.id)),
      json: absoluteUrl(paths.feed('json', section?.id)),
    },
    iconUrl: absoluteUrl(LOGO.path),
    updated: updated ?? new Date(now).toISOString(),
    items,
  };
}

/** The original picture, with its real type and length when its file under public/ can be read. */
async function feedImage(src: string): Promise<FeedImage> {
  const file = await imageFileInfo(publicDir(), src);
  return { url: absoluteUrl(paths.image(src)), ...(file ? { file } : {}) };
}
