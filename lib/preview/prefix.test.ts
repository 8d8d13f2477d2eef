import { describe, expect, it } from 'vitest';
import { previewPath } from './prefix';

describe('previewPath', () => {
  it.each([
    ['/articles/harbour-plan', '/preview/articles/harbour-plan'],
    ['/articles/a#corrections-heading', '/preview/articles/a#corrections-heading'],
    ['/', '/preview'],
    ['/?x=1', '/preview?x=1'],
    ['/world', '/preview/world'],
    ['/preview/editor?slug=a', '/preview/editor?slug=a'],
    ['/previewed-story', '/preview/previewed-story'],
  ])('opens %s as %s', (path, expected) => {
    expect(previewPath(path)).toBe(expected);
  });
});
