import type { ImageFileInfo } from '@/lib/media/image-file';

/** One story in a feed, format-neutral: RSS, Atom and JSON Feed are written from this. */
export type FeedItem = {
  /** Stable id and link: the story's address on this site. */
  id: string;
  url: string;
  /** The original's address for syndicated copy with a canonicalUrl. */
  externalUrl?: string;
  title: string;
  summary: string;
  /** The full story as HTML with absolute URLs. */
  contentHtml: string;
  /** ISO 8601 with offset. */
  published: string;
  updated: string;
  authors: { name: string; url: string }[];
  /** Section name first, then tags. */
  categories: string[];
  /** The story's lead image, when it has one. */
  image?: FeedImage;
};

/**
 * A story's picture in a feed: the original file (a crop's bytes are known only once it is
 * made), with its real type and size when the file could be read. Without them a feed names no
 * enclosure rather than a guessed one.
 */
export type FeedImage = { url: string; file?: ImageFileInfo };

export type Feed = {
  title: string;
  description: string;
  language: string;
  homeUrl: string;
  /** Absolute URLs of this feed in each format (each names itself as `self`). */
  urls: { rss: string; atom: string; json: string };
  iconUrl: string;
  /** Newest change among the items (or the time of writing when there are none). */
  updated: string;
  items: FeedItem[];
};

/** Stories per feed. */
export const FEED_SIZE = 50;

/** RFC 3339 (Atom, JSON Feed) needs seconds; front matter may omit them (09:00+00:00). */
export function rfc3339(iso: string): string {
  return iso.replace(/^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(Z|[+-]\d{2}:\d{2})$/, '$1:00$2');
}

/** RSS 2.0 dates are RFC 822: "Sat, 18 Feb 2023 09:00:00 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}
