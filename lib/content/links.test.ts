import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkLink, type LinkTargets } from './links';

const targets: LinkTargets = {
  stories: new Map([
    ['published', { draft: false, publishedAt: '2024-01-01T00:00:00Z' }],
    ['a-draft', { draft: true, publishedAt: '2024-01-01T00:00:00Z' }],
    ['later', { draft: false, publishedAt: '2024-09-01T00:00:00Z' }],
    ['broken', undefined],
  ]),
  authors: new Set(['ana-ruiz']),
  sections: new Set(['world']),
  tags: new Set(['port-calder']),
  publicDir: 'public',
};
const from = { publishedAt: '2024-06-01T00:00:00Z' };
const check = (url: string) => checkLink(url, from, targets);
/** expect.stringMatching, typed as what it is to this test: vitest declares asymmetric matchers `any`. */
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

afterEach(() => vi.unstubAllEnvs());

describe('checkLink', () => {
  it.each([
    '/',
    '/articles/published',
    '/articles/published/',
    '/articles/published#corrections-heading',
    '/articles/broken',
    '/authors/ana-ruiz',
    '/world',
    '/world/feed.xml',
    '/tags/port-calder',
    '/feed.xml',
    '/search?q=harbour',
    '/images/samples/ferry-yard.jpg',
    '#fn-1',
    'https://example.com/anything',
    'mailto:desk@example.com',
  ])('accepts %s', (url) => {
    expect(check(url)).toBeUndefined();
  });

  it.each([
    ['/articles/missing', /existing story \(no content\/articles\/missing\.mdx\)/],
    ['/authors/nobody', /an author in content\/authors\/ \(no nobody\.yaml\)/],
    ['/tags/nothing', /a tag used by at least one story/],
    ['/sport', /a story, author, section, tag or file on this site/],
    ['/images/../../etc/passwd', /a story, author, section, tag or file on this site/],
    ['other-story', /expected a link starting with "\/"/],
  ])('refuses %s', (url, message) => {
    expect(check(url)).toEqual({ severity: 'error', message: matching(message) });
  });

  it('checks full addresses on this site like paths', () => {
    vi.stubEnv('SITE_URL', 'https://news.example');
    expect(check('https://news.example/articles/missing')?.severity).toBe('error');
    expect(check('https://news.example/articles/published')).toBeUndefined();
  });

  it('warns about links to drafts and to stories published later', () => {
    expect(check('/articles/a-draft')).toMatchObject({ severity: 'warning', message: matching(/draft/) });
    expect(check('/articles/later')).toMatchObject({ severity: 'warning', message: matching(/scheduled for 1 September 2024/) });
  });
});
