import { lastModifiedAt } from '@/lib/content/last-modified';
import type { LiveEntry } from '@/lib/content/live';
import type { Author, Story } from '@/lib/content/schema';
import { LOGO } from '@/lib/seo/jsonld';
import { absoluteUrl, site } from '@/lib/site';
import { paths } from '@/lib/urls';
import type { Feed } from './feed';

export type LiveFeedInput = {
  story: Story;
  /** Its newest visible updates, newest first (lib/content/live.ts). */
  entries: readonly LiveEntry[];
  authors: ReadonlyMap<string, Author>;
  /** An update's body as HTML (components/feed/FeedStoryHtml.tsx updateHtml; tests pass their own). */
  renderHtml: (entry: LiveEntry) => Promise<string>;
};

/** A live story's own feed (ADR 0011): one item per update, its permalink as id and link. */
export async function buildLiveFeed({ story, entries, authors, renderHtml }: LiveFeedInput): Promise<Feed> {
  const items = await Promise.all(
    entries.map(async (entry) => {
      const { update } = entry;
      const url = absoluteUrl(paths.liveUpdate(story.slug, update.id));
      return {
        id: url,
        url,
        title: update.title,
        summary: update.text.length > 280 ? `${update.text.slice(0, 279).trimEnd()}…` : update.text,
        contentHtml: await renderHtml(entry),
        published: update.time,
        updated: lastModifiedAt({ publishedAt: update.time, corrections: update.corrections }),
        authors: (update.authors ?? story.authors)
          .map((id) => authors.get(id))
          .filter((a): a is Author => Boolean(a))
          .map((a) => ({ name: a.name, url: absoluteUrl(paths.author(a.id)) })),
        categories: [...story.tags],
      };
    }),
  );
  const updated = items.reduce<string | undefined>(
    (acc, item) => (acc === undefined || Date.parse(item.updated) > Date.parse(acc) ? item.updated : acc),
    undefined,
  );
  return {
    title: `${story.title}: live updates`,
    description: story.dek,
    language: site.language,
    homeUrl: absoluteUrl(paths.live(story.slug)),
    urls: {
      rss: absoluteUrl(paths.liveFeed('rss', story.slug)),
      atom: absoluteUrl(paths.liveFeed('atom', story.slug)),
      json: absoluteUrl(paths.liveFeed('json', story.slug)),
    },
    iconUrl: absoluteUrl(LOGO.path),
    updated: updated ?? lastModifiedAt(story),
    items,
  };
}
