import { describe, expect, it } from 'vitest';
import { safeSitePath } from './safe-path';

describe('safeSitePath', () => {
  it.each([
    ['/articles/harbour-plan', '/articles/harbour-plan'],
    ['/preview/editor?slug=harbour-plan', '/preview/editor?slug=harbour-plan'],
    ['/articles/a#corrections-heading', '/articles/a#corrections-heading'],
    ['/articles/../authors/x', '/authors/x'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    [null, '/'],
    ['', '/'],
  ])('keeps %s on this site as %s', (input, expected) => {
    expect(safeSitePath(input)).toBe(expected);
  });

  it.each([
    '//evil.example/x',
    '/\\evil.example',
    '\\\\evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'articles/relative',
    '/\tevil',
    ' /articles/x',
  ])('refuses %s (it could leave the site)', (input) => {
    expect(safeSitePath(input)).toBeUndefined();
  });
});
