import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseSearchParams } from './params';
import { SEARCH_TERM_PLACEHOLDER, websiteSearchAction } from './search-action';

afterEach(() => vi.unstubAllEnvs());

describe('websiteSearchAction', () => {
  it('points search engines at /search?q= on the canonical origin', () => {
    vi.stubEnv('SITE_URL', 'https://news.example/');
    expect(websiteSearchAction()).toEqual({
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: 'https://news.example/search?q={search_term_string}' },
      'query-input': 'required name=search_term_string',
    });
  });

  it('gives a template that, filled in, is a search the page understands', () => {
    vi.stubEnv('SITE_URL', 'https://news.example');
    const template = websiteSearchAction().target.urlTemplate;
    const url = new URL(template.replace(`{${SEARCH_TERM_PLACEHOLDER}}`, encodeURIComponent('Lukashenko summit')));
    expect(url.origin).toBe('https://news.example');
    expect(url.pathname).toBe('/search');
    expect(parseSearchParams(Object.fromEntries(url.searchParams), []).q).toBe('Lukashenko summit');
  });
});
