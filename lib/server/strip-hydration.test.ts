import { describe, expect, it } from 'vitest';
import { PREVIEW_PREFIX } from '@/lib/preview/prefix';
import { HYDRATED_PREFIX, isHydrationScript, isReaderPage } from './strip-hydration.mjs';

describe('which pages keep React', () => {
  it('keeps it under the preview prefix only (the live editor is an island), the same prefix as lib/preview', () => {
    expect(HYDRATED_PREFIX).toBe(PREVIEW_PREFIX);
    expect(isReaderPage('/articles/x')).toBe(true);
    expect(isReaderPage('/')).toBe(true);
    expect(isReaderPage('/previews-of-the-week')).toBe(true);
    expect(isReaderPage('/preview')).toBe(false);
    expect(isReaderPage('/preview/editor?slug=x')).toBe(false);
    expect(isReaderPage('/preview/articles/x')).toBe(false);
  });
});

describe('isHydrationScript', () => {
  const is = (html: string) => isHydrationScript(Buffer.from(html));
  it('knows Next’s chunks, runtime bootstrap and payload, and nothing else', () => {
    expect(is('<script src="/_next/static/chunks/a.js" async=""></script>')).toBe(true);
    expect(is('<script>self.__next_f.push([1,"x"])</script>')).toBe(true);
    expect(is('<script>(self.__next_f=self.__next_f||[]).push([0])</script>')).toBe(true);
    expect(is('<script id="_R_">(globalThis["TURBOPACK"] || []).push({})</script>')).toBe(true);
    expect(is('<script type="application/ld+json">{"headline":"self.__next_f"}</script>')).toBe(false);
    expect(is('<script>(function(){})()</script>')).toBe(false);
    expect(is('<script src="https://elsewhere.example/_next/static/a.js"></script>')).toBe(false);
  });
});
