import { XML_DECLARATION, attrs, element } from '@/lib/seo/xml';
import { rfc3339, rfc822, type Feed } from './feed';

/**
 * RSS 2.0. RSS's <author> must be an e-mail address, which we do not publish, so authors go in
 * dc:creator (one per author). Full HTML is content:encoded; the update time is dcterms:modified.
 * Text is escaped rather than wrapped in CDATA, so no story text can end a section early. The
 * picture is both an <enclosure> (RSS 2.0's own, one per item, which needs a length and a type)
 * and media:content (Media RSS, which readers use for thumbnails).
 */
export function renderRss(feed: Feed): string {
  const items = feed.items.map((item) =>
    [
      '<item>',
      element('title', item.title),
      element('link', item.url),
      element('guid', item.id, { isPermaLink: 'true' }),
      element('pubDate', rfc822(item.published)),
      element('dcterms:modified', rfc3339(item.updated)),
      ...item.authors.map((a) => element('dc:creator', a.name)),
      ...item.categories.map((c) => element('category', c)),
      element('description', item.summary),
      element('content:encoded', item.contentHtml),
      item.image?.file
        ? `<enclosure${attrs({ url: item.image.url, length: String(item.image.file.length), type: item.image.file.type })}/>`
        : '',
      item.image
        ? `<media:content${attrs({ url: item.image.url, medium: 'image', type: item.image.file?.type, fileSize: item.image.file && String(item.image.file.length) })}/>`
        : '',
      '</item>',
    ].join(''),
  );
  return [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    element('title', feed.title),
    element('link', feed.homeUrl),
    element('description', feed.description),
    element('language', feed.language),
    element('lastBuildDate', rfc822(feed.updated)),
    element('docs', 'https://www.rssboard.org/rss-specification'),
    `<atom:link${attrs({ href: feed.urls.rss, rel: 'self', type: 'application/rss+xml' })}/>`,
    ...items,
    '</channel>',
    '</rss>',
    '',
  ].join('\n');
}
