import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { paths } from '@/lib/urls';
import { Pagination } from './Pagination';

const render = (kind: 'stories' | 'results', page: number, totalPages: number, hrefFor: (page: number) => string) =>
  renderToStaticMarkup(createElement(Pagination, { kind, page, totalPages, hrefFor }));

describe('Pagination', () => {
  it('is left out when everything fits on one page', () => {
    expect(render('stories', 1, 1, (n) => paths.listingPage('/world', n))).toBe('');
  });

  it('links a front’s pages by its addresses, hidden in print', () => {
    const html = render('stories', 2, 3, (n) => paths.listingPage('/world', n));
    expect(html).toContain('<nav aria-label="Pagination"');
    expect(html).toContain('data-print="hide"');
    expect(html).toMatch(/<a href="\/world" rel="prev"[^>]*>← Newer stories<\/a>/);
    expect(html).toContain('Page 2 of 3');
    expect(html).toMatch(/<a href="\/world\/page\/3" rel="next"[^>]*>Older stories →<\/a>/);
  });

  it('links result pages, keeping the arrows out of the links’ names', () => {
    const html = render('results', 3, 3, (n) => paths.search({ q: 'ferry', page: n }));
    expect(html).toContain('<nav aria-label="Result pages"');
    expect(html).not.toContain('data-print');
    expect(html).toMatch(
      /<a href="\/search\?q=ferry&amp;page=2" rel="prev"[^>]*><span aria-hidden="true">←\u00a0<\/span>Previous<span class="sr-only"> page<\/span><\/a>/,
    );
    expect(html).toContain('Page 3 of 3');
    expect(html).not.toContain('rel="next"');
  });
});
