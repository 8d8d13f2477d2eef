import { absoluteUrl } from '@/lib/site';
import { paths } from '@/lib/urls';

/** The placeholder a search engine replaces with the reader's words. */
export const SEARCH_TERM_PLACEHOLDER = 'search_term_string';

export type SearchAction = {
  '@type': 'SearchAction';
  target: { '@type': 'EntryPoint'; urlTemplate: string };
  'query-input': string;
};

/**
 * The schema.org SearchAction for the front page's WebSite JSON-LD: tells search engines that
 * /search?q=... searches this site.
 */
export function websiteSearchAction(): SearchAction {
  return {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: absoluteUrl(paths.searchTemplate(SEARCH_TERM_PLACEHOLDER)) },
    'query-input': `required name=${SEARCH_TERM_PLACEHOLDER}`,
  };
}
