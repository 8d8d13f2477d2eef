import { describe, expect, it } from 'vitest';
import { checkPreviewEntry } from './entry';

const params = (query: string) => new URLSearchParams(query);
/** expect.stringMatching, typed as what it is to this test: vitest declares asymmetric matchers `any`. */
const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);

describe('checkPreviewEntry', () => {
  it('lets the right secret in and opens the requested page', () => {
    expect(checkPreviewEntry(params('secret=open-sesame&path=/articles/draft'), 'open-sesame')).toEqual({
      ok: true,
      path: '/articles/draft',
    });
  });

  it('is a 401 for a wrong or missing secret, and when preview is not configured', () => {
    expect(checkPreviewEntry(params('secret=open&path=/'), 'open-sesame')).toMatchObject({ ok: false, status: 401 });
    expect(checkPreviewEntry(params('path=/'), 'open-sesame')).toMatchObject({ ok: false, status: 401 });
    expect(checkPreviewEntry(params('secret=&path=/'), undefined)).toMatchObject({
      ok: false,
      status: 401,
      message: matching(/PREVIEW_SECRET is not set/),
    });
  });

  it('is a 400 for a path off the site, even with the right secret (no open redirect)', () => {
    expect(checkPreviewEntry(params('secret=open-sesame&path=//evil.example'), 'open-sesame')).toMatchObject({ ok: false, status: 400 });
  });
});
