import { describe, expect, it } from 'vitest';
import { canonicalPath, isImagePath, isSameOriginPath, safeSitePath } from './safe-path';

describe('safeSitePath', () => {
  it.each([
    ['/articles/harbour-plan', '/articles/harbour-plan'],
    ['/preview/editor?slug=harbour-plan', '/preview/editor?slug=harbour-plan'],
    ['/articles/a#corrections-heading', '/articles/a#corrections-heading'],
    ['/articles/../authors/x', '/authors/x'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/a/%5Cevil.example', '/a/%5Cevil.example'],
    [null, '/'],
    ['', '/'],
  ])('keeps %s on this site as %s', (input, expected) => {
    expect(safeSitePath(input)).toBe(expected);
  });

  // Issue 15: each of these became `Location: //evil.example`.
  it.each([
    '//evil.example/x',
    '/.//evil.example',
    '/%2e//evil.example',
    '/%2E//evil.example',
    '/a/..//evil.example',
    '/a/%2e%2e//evil.example',
    '/././/evil.example',
    '/\\evil.example',
    '/.\\/evil.example',
    '/a/..\\evil.example',
    '\\\\evil.example',
    '/\tevil',
    '/\t/evil.example',
    '/.\t//evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/\u0000/evil.example',
    '/\u007f/evil.example',
    'https://evil.example/',
    'javascript:alert(1)',
    'articles/relative',
    ' /articles/x',
  ])('refuses %j (it could leave the site)', (input) => {
    expect(safeSitePath(input)).toBeUndefined();
  });
});

describe('isSameOriginPath', () => {
  it.each(['/', '/articles/x', '/a/b?c=d'])('accepts %j', (value) => expect(isSameOriginPath(value)).toBe(true));
  it.each(['', 'a', '//x', '/\\x', '/a\tb', '/a\nb', 'https://x'])('refuses %j', (value) => expect(isSameOriginPath(value)).toBe(false));
});

describe('isImagePath', () => {
  it.each(['/images/samples/ferry-yard.jpg', '/logo.png', '/images/photo 1.jpg'])('accepts %j', (value) => {
    expect(isImagePath(value)).toBe(true);
  });

  it.each([
    '//evil.com/x.jpg',
    '/\\evil.com/x.svg',
    '\\evil.com/x.svg',
    'images/x.jpg',
    'https://evil.com/x.jpg',
    'data:image/png;base64,AAAA',
    '/images/./samples/ferry-yard.jpg',
    '/images/././samples/ferry-yard.jpg',
    '/images/zz/../samples/ferry-yard.jpg',
    '/images/%2e/samples/ferry-yard.jpg',
    '/images%2Fsamples%2Fferry-yard.jpg',
    '/images//samples/ferry-yard.jpg',
    '/images/samples/',
    '/.git/config',
    '/images/.hidden/x.jpg',
    '/images/a\\b.jpg',
    '/images/x.jpg?v=1',
    '/images/x.jpg#a',
    '/images/\tx.jpg',
    '/images/\nx.jpg',
  ])('refuses %j', (value) => {
    expect(isImagePath(value)).toBe(false);
  });
});

describe('canonicalPath', () => {
  it.each([
    ['/articles/ardmoor-participatory-budget', '/articles/ardmoor-participatory-budget'],
    ['/articles/caf%C3%A9', '/articles/caf%C3%A9'],
    ['/images/photo%201.jpg', '/images/photo%201.jpg'],
    ['/media/4x3/images%2Fsamples%2Fx.jpg', '/media/4x3/images%2Fsamples%2Fx.jpg'],
  ])('leaves the one spelling %j as it is', (raw, expected) => {
    expect(canonicalPath(raw)).toBe(expected);
  });

  it.each([
    ['/articles/ardmoor%2Dparticipatory-budget', '/articles/ardmoor-participatory-budget'],
    ['/articles/caf%c3%a9', '/articles/caf%C3%A9'],
    ['/media/4x3/images/./samples/x.jpg', '/media/4x3/images/samples/x.jpg'],
    ['/media/4x3/images/%2e/samples/x.jpg', '/media/4x3/images/samples/x.jpg'],
    ['/media/4x3/images/zz/../samples/x.jpg', '/media/4x3/images/samples/x.jpg'],
    ['/media/4x3/images/zz/%2e%2e/samples/x.jpg', '/media/4x3/images/samples/x.jpg'],
    ['/%61rticles/x', '/articles/x'],
  ])('spells %j as %j', (raw, expected) => {
    expect(canonicalPath(raw)).toBe(expected);
  });

  it.each(['/.//evil.example', '/%2e//evil.example', '/a/..//evil.example', '/\\evil.example'])(
    'can leave the site for %j, which isSameOriginPath then refuses',
    (raw) => {
      expect(isSameOriginPath(canonicalPath(raw))).toBe(false);
    },
  );
});
