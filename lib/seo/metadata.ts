import type { Metadata } from 'next';
import { lastModifiedAt } from '@/lib/content/last-modified';
import type { Story, Author, Section } from '@/lib/content/schema';
import { absoluteUrl, site } from '@/lib/site';
import { paths, type FeedFormat } from '@/lib/urls';
import { canonicalUrlOf } from './canonical';

export const FEED_TYPES = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
} as const;

/**
 * `<link rel="alternate">` feed autodiscovery: the site's feeds, a section's own when given, and a
 * live story's feed of its updates first when given (ADR 0011).
 */
export function feedAlternates(section?: Pick<Section, 'id' | 'name'>, live?: Pick<Story, 'slug' | 'title'>) {
  const feeds = (format: FeedFormat) => [
    ...(live ? [{ url: paths.liveFeed(format, live.slug), title: `${live.title}: live updates` }] : []),
    { url: paths.feed(format), title: site.name },
    ...(section ? [{ url: paths.feed(format, section.id), title: `${site.name}: ${section.name}` }] : []),
  ];
  return {
    [FEED_TYPES.rss]: feeds('rss'),
    [FEED_TYPES.atom]: feeds('atom'),
    [FEED_TYPES.json]: feeds('json'),
  };
}

/**
 * Indexable, with large image previews allowed (Google shows big thumbnails only with
 * max-image-preview:large). Set in the root layout; the 404 page overrides it with noindex.
 */
export const indexableRobots: Metadata['robots'] = {
  index: true,
  follow: true,
  'max-image-preview': 'large',
  googleBot: { index: true, follow: true, 'max-image-preview': 'large', 'max-snippet': -1, 'max-video-preview': -1 },
};

export type PageMetadataInput = {
  /** Title before the site template adds "| News Rebeat"; `absolute` skips the template. */
  title: string | { absolute: string };
  description: string;
  /** The page's own path; the canonical and og:url become absolute through metadataBase. */
  path: string;
  /** A section page also advertises its own feeds. */
  section?: Pick<Section, 'id' | 'name'>;
};

/**
 * Metadata for any page that is not a story: canonical, OpenGraph `website`, Twitter large card
 * and feed links. Next merges metadata shallowly, so each page states the whole openGraph and
 * alternates objects rather than relying on the layout's.
 */
export function pageMetadata({ title, description, path, section }: PageMetadataInput): Metadata {
  const plainTitle = typeof title === 'string' ? title : title.absolute;
  // The site card: a page's own openGraph replaces the root's, file-based image included.
  const images = [{ url: paths.siteShareImage(), width: 1200, height: 630, type: 'image/png', alt: `${site.name}: ${site.description}` }];
  return {
    title,
    description,
    alternates: { canonical: path, types: feedAlternates(section) },
    openGraph: {
      type: 'website',
      siteName: site.name,
      locale: site.locale,
      url: path,
      title: plainTitle,
      description,
      images,
    },
    twitter: { card: 'summary_large_image', title: plainTitle, description, images },
  };
}

/**
 * Metadata for page `page` of a live story: the story's, with the page's own canonical address,
 * the newest update as its modified time, and the story's share card (the live route has none of
 * its own: app/articles/[slug]/opengraph-image.tsx serves every story's).
 */
export function liveMetadata(
  story: Story,
  authors: readonly Author[],
  section: Section | undefined,
  { page, newestTime }: { page: number; newestTime?: string },
): Metadata {
  return storyMetadata(story, authors, section, {
    title: page > 1 ? `${story.title} (page ${page})` : story.title,
    canonical: page > 1 ? absoluteUrl(paths.livePage(story.slug, page)) : canonicalUrlOf(story),
    modifiedTime: lastModifiedAt(story, newestTime),
    image: absoluteUrl(paths.storyShareImage(story.slug)),
    feeds: feedAlternates(section, story),
  });
}

/**
 * Metadata for a story: OpenGraph `article` with its times, authors (their pages), section and
 * tags. Syndicated copy with a canonicalUrl names the original as canonical and og:url.
 */
export function storyMetadata(
  story: Story,
  authors: readonly Author[],
  section?: Section,
  {
    title = story.title,
    canonical = canonicalUrlOf(story),
    modifiedTime = lastModifiedAt(story),
    image,
    feeds = feedAlternates(section),
  }: { title?: string; canonical?: string; modifiedTime?: string; image?: string; feeds?: ReturnType<typeof feedAlternates> } = {},
): Metadata {
  return {
    title,
    description: story.dek,
    alternates: { canonical, types: feeds },
    openGraph: {
      type: 'article',
      siteName: site.name,
      locale: site.locale,
      url: canonical,
      title: story.title,
      description: story.dek,
      publishedTime: story.publishedAt,
      modifiedTime,
      authors: authors.map((a) => absoluteUrl(paths.author(a.id))),
      ...(section ? { section: section.name } : {}),
      tags: [...story.tags],
      ...(image ? { images: [image] } : {}),
    },
    twitter: { card: 'summary_large_image', title: story.title, description: story.dek, ...(image ? { images: [image] } : {}) },
  };
}
