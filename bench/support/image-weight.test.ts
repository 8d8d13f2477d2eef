import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { paths } from '@/lib/urls';
import { DESKTOP, IMAGE_PAGES, PHONE, PICTURE_STORY_SLUG, imageTotals, imageWeightSection, type ImageWeight } from './image-weight';

describe('image totals', () => {
  it('split what came before the first scroll from the whole page', () => {
    const requests = [
      { url: '/media/a/16x9-960.avif', bytes: 40_000, beforeScroll: true },
      { url: '/media/b/3x2-480.avif', bytes: 9_000, beforeScroll: true },
      { url: '/media/c/3x2-480.avif', bytes: 11_000, beforeScroll: false },
    ];
    expect(imageTotals(requests)).toEqual({ firstScreen: { count: 2, bytes: 49_000 }, wholePage: { count: 3, bytes: 60_000 } });
    expect(imageTotals([])).toEqual({ firstScreen: { count: 0, bytes: 0 }, wholePage: { count: 0, bytes: 0 } });
  });
});

describe('image bytes section', () => {
  const weight = (first: number, whole: number, settled = true): ImageWeight => ({
    firstScreen: { count: 1, bytes: first },
    wholePage: { count: 4, bytes: whole },
    lcp: 'figure > picture > img /media/a/16x9-960.avif',
    settled,
  });

  it('gives each page a row, first screen and whole page at each viewport, and its LCP element', () => {
    const rows = [
      {
        page: { name: 'story with a picture', path: '/articles/x' },
        byViewport: new Map([
          [PHONE.name, weight(40_960, 102_400)],
          [DESKTOP.name, weight(20_480, 51_200, false)],
        ]),
      },
    ];
    const lines = imageWeightSection(rows, [PHONE, DESKTOP]);
    expect(lines[0]).toBe(
      '| page | path | phone 360x740 @2.625x: first screen | whole page | desktop 1280x800 @1x: first screen | whole page |',
    );
    expect(lines[2]).toBe('| story with a picture | `/articles/x` | 1 · 40.0 kB | 4 · 100.0 kB | 1 · 20.0 kB | 4 · 50.0 kB † |');
    expect(lines.some((l) => l.startsWith('†'))).toBe(true);
    expect(lines.at(-1)).toBe(
      '- story with a picture: phone 360x740 @2.625x `figure > picture > img /media/a/16x9-960.avif`; desktop 1280x800 @1x `figure > picture > img /media/a/16x9-960.avif`.',
    );
  });
});

/** The repository's content, as the bench builds the site on it. */
const CONTENT = path.resolve(__dirname, '..', '..', 'content');
function frontMatter(file: string): Record<string, unknown> {
  const text = readFileSync(file, 'utf8');
  return parse(text.split(/^---$/m)[1] ?? '') as Record<string, unknown>;
}
const stories = readdirSync(path.join(CONTENT, 'articles'))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => ({ slug: f.replace(/\.mdx$/, ''), ...frontMatter(path.join(CONTENT, 'articles', f)) }));

describe('the page types measured', () => {
  const pathOf = (name: string) => IMAGE_PAGES.find((p) => p.name === name)?.path;

  it('are one of each type, on pages the content has', () => {
    expect(IMAGE_PAGES.map((p) => p.name)).toEqual([
      'seed story (no picture)',
      'story with a picture',
      'front page',
      'section front',
      'tag front',
      'author front',
      'search',
      'live page',
    ]);
    const seed = stories.find((s) => pathOf('seed story (no picture)') === paths.story(s.slug));
    expect(seed).toBeDefined();
    expect(seed).not.toHaveProperty('image');
    expect(stories.find((s) => s.slug === PICTURE_STORY_SLUG)).toHaveProperty('image');
  });

  it('have a tag and an author whose stories have pictures, and a live story', () => {
    const pictured = stories.filter((s) => 'image' in s);
    const tags = pictured.flatMap((s) => (s as { tags?: string[] }).tags ?? []).map((t) => paths.tag(t));
    expect(tags).toContain(pathOf('tag front'));
    const authors = pictured.flatMap((s) => (s as { authors?: string[] }).authors ?? []);
    const author = authors.find((a) => paths.author(a) === pathOf('author front'));
    expect(author).toBeDefined();
    expect(existsSync(path.join(CONTENT, 'authors', `${author ?? ''}.yaml`))).toBe(true);
    const live = stories.find((s) => paths.live(s.slug) === pathOf('live page'));
    expect(live).toHaveProperty('live');
    expect(live).toHaveProperty('image');
  });
});
