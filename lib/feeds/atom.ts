import { XML_DECLARATION, attrs, element } from '@/lib/seo/xml';
import { rfc3339, type Feed } from './feed';

/** Atom 1.0 (RFC 4287): every entry has its authors, so the feed needs no feed-level author. */
export function renderAtom(feed: Feed): string {
  const entries = feed.items.map((item) =>
    [
      '<entry>',
      element('id', item.id),
      element('title', item.title, { type: 'text' }),
      `<link${attrs({ rel: 'alternate', type: 'text/html', href: item.url })}/>`,
      item.externalUrl ? `<link${attrs({ rel: 'via', type: 'text/html', href: item.externalUrl })}/>` : '',
      item.image?.file
        ? `<link${attrs({ rel: 'enclosure', type: item.image.file.type, length: String(item.image.file.length), href: item.image.url })}/>`
        : '',
      element('published', rfc3339(item.published)),
      element('updated', rfc3339(item.updated)),
      ...item.authors.map((a) => `<author>${element('name', a.name)}${element('uri', a.url)}</author>`),
      ...item.categories.map((c) => `<category${attrs({ term: c })}/>`),
      element('summary', item.summary, { type: 'text' }),
      element('content', item.contentHtml, { type: 'html' }),
      '</entry>',
    ].join(''),
  );
  return [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom"${attrs({ 'xml:lang': feed.language })}>`,
    element('id', feed.urls.atom),
    element('title', feed.title, { type: 'text' }),
    element('subtitle', feed.description, { type: 'text' }),
    element('updated', rfc3339(feed.updated)),
    `<link${attrs({ rel: 'self', type: 'application/atom+xml', href: feed.urls.atom })}/>`,
    `<link${attrs({ rel: 'alternate', type: 'text/html', href: feed.homeUrl })}/>`,
    element('icon', feed.iconUrl),
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}
