import { z } from 'zod';
import { rfc3339, type Feed } from './feed';

/** RFC 3339 date-time with seconds and an offset, as JSON Feed requires. */
const rfc3339DateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/);

/** An attachment per JSON Feed 1.1: a URL and its MIME type; size in bytes when known. */
const jsonFeedAttachmentSchema = z.strictObject({
  url: z.url(),
  mime_type: z.string().regex(/^[a-z]+\/[a-z0-9.+-]+$/),
  title: z.string().optional(),
  size_in_bytes: z.number().int().nonnegative().optional(),
  duration_in_seconds: z.number().nonnegative().optional(),
});

const jsonFeedAuthorSchema = z
  .strictObject({ name: z.string().min(1).optional(), url: z.url().optional(), avatar: z.url().optional() })
  .refine((a) => a.name || a.url || a.avatar, 'an author needs at least a name, url or avatar');

/** An item per JSON Feed 1.1: an id, and content_html and/or content_text. */
export const jsonFeedItemSchema = z
  .strictObject({
    id: z.string().min(1),
    url: z.url().optional(),
    external_url: z.url().optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    image: z.url().optional(),
    banner_image: z.url().optional(),
    date_published: rfc3339DateTime.optional(),
    date_modified: rfc3339DateTime.optional(),
    authors: z.array(jsonFeedAuthorSchema).optional(),
    tags: z.array(z.string()).optional(),
    language: z.string().optional(),
    attachments: z.array(jsonFeedAttachmentSchema).optional(),
  })
  .refine((item) => item.content_html !== undefined || item.content_text !== undefined, 'an item needs content_html or content_text');

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), the fields this site writes and the spec's requirements. */
export const jsonFeedSchema = z.strictObject({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: z.url().optional(),
  feed_url: z.url().optional(),
  description: z.string().optional(),
  icon: z.url().optional(),
  favicon: z.url().optional(),
  language: z.string().optional(),
  authors: z.array(jsonFeedAuthorSchema).optional(),
  items: z.array(jsonFeedItemSchema),
});

export type JsonFeed = z.infer<typeof jsonFeedSchema>;
export type JsonFeedItem = z.infer<typeof jsonFeedItemSchema>;

/** JSON Feed 1.1, written here because common libraries still write version 1.0. */
export function renderJsonFeed(feed: Feed): string {
  const json: JsonFeed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    home_page_url: feed.homeUrl,
    feed_url: feed.urls.json,
    description: feed.description,
    icon: feed.iconUrl,
    language: feed.language,
    items: feed.items.map((item): JsonFeedItem => ({
      id: item.id,
      url: item.url,
      ...(item.externalUrl ? { external_url: item.externalUrl } : {}),
      title: item.title,
      summary: item.summary,
      content_html: item.contentHtml,
      ...(item.image ? { image: item.image.url } : {}),
      // The picture's file as well, with its real type and size, like RSS's and Atom's enclosures.
      ...(item.image?.file
        ? { attachments: [{ url: item.image.url, mime_type: item.image.file.type, size_in_bytes: item.image.file.length }] }
        : {}),
      date_published: rfc3339(item.published),
      date_modified: rfc3339(item.updated),
      authors: item.authors.map((a) => ({ name: a.name, url: a.url })),
      tags: item.categories,
    })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
