import { describe, expect, it } from 'vitest';
import type { LcpElement } from './lcp-element';
import {
  blockedName,
  matchesBlockedPattern,
  pictureBlockPatterns,
  pictureChecks,
  pictureTable,
  pictureUrls,
  roundOrder,
  verdictLine,
  type PictureRun,
} from './pictures';

const SITE = 'http://127.0.0.1:41234';
const blocked = (path: string) => pictureBlockPatterns(SITE).some((pattern) => matchesBlockedPattern(`${SITE}${path}`, pattern));

describe("Chrome's blocked URL patterns", () => {
  it('match anywhere in the URL, with * for any text, in order', () => {
    expect(matchesBlockedPattern(`${SITE}/media/0123456789abcdef/16x9-960.avif`, '/media/*')).toBe(true);
    expect(matchesBlockedPattern(`${SITE}/a/b.jpg?w=1`, '*.jpg')).toBe(true);
    expect(matchesBlockedPattern(`${SITE}/b/a`, '*/a/*/b*')).toBe(false);
    expect(matchesBlockedPattern(`${SITE}/a/x/b`, '*/a/*/b*')).toBe(true);
  });
});

describe('pictures blocked', () => {
  it('blocks every picture, in every pipeline and format', () => {
    for (const path of [
      '/media/0123456789abcdef/16x9-960.avif',
      '/media/0123456789abcdef/16x9-480.webp',
      '/media/0123456789abcdef/1x1-320.jpg',
      '/media/16x9/images/samples/ice-shelf.jpg',
      '/_next/image?url=%2Fimages%2Fsamples%2Fice-shelf.jpg&w=640&q=75',
      '/_next/image?url=%2Fimages%2Fauthors%2Fines&w=96&q=75',
      '/images/samples/ice-shelf.jpg',
      '/somewhere/else.png',
      '/somewhere/else.gif',
    ])
      expect(blocked(path), path).toBe(true);
  });

  it('leaves the page, its fonts, styles, scripts and icon alone', () => {
    for (const path of [
      '/articles/lake-oren-singing-ice-shelf',
      '/world',
      '/_next/static/media/source_serif_4_latin_wght_normal-s.p.0a1b2c3d.woff2',
      '/_next/static/media/inter_latin_wght_normal.4e5f6a7b.woff2',
      '/_next/static/chunks/app/layout-0123abcd.js',
      '/_next/static/css/0123abcd.css',
      '/icon.svg?f1b2c3d4e5f60718',
    ])
      expect(blocked(path), path).toBe(false);
  });

  it("anchors the site's own folders to its origin", () => {
    expect(pictureBlockPatterns(SITE).slice(0, 3)).toEqual([`${SITE}/media/*`, `${SITE}/_next/image*`, `${SITE}/images/*`]);
  });
});

describe('the order of a round', () => {
  const pages = [
    { name: 'seed' },
    { name: 'front' },
    { name: 'world', lcp: 'picture' as const },
    { name: 'story', lcp: 'picture' as const },
    { name: 'search' },
  ];

  it('runs each picture page beside its blocked twin, twin second on odd rounds and first on even ones', () => {
    expect(roundOrder(pages, 'F', 1)).toEqual([
      'F',
      'seed',
      'front',
      'world',
      blockedName('world'),
      'F',
      'story',
      blockedName('story'),
      'search',
    ]);
    expect(roundOrder(pages, 'F', 2)).toEqual([
      'F',
      'seed',
      'front',
      blockedName('world'),
      'world',
      'F',
      blockedName('story'),
      'story',
      'search',
    ]);
  });

  it('runs one page beside one floor run', () => {
    expect(roundOrder([{ name: 'seed' }], 'F', 1)).toEqual(['F', 'seed']);
  });
});

const img: LcpElement = {
  tag: 'IMG',
  type: 'image',
  imageUrl: `${SITE}/media/0123456789abcdef/16x9-960.avif`,
  selector: '',
  snippet: '',
  auditError: '',
};
const h1: LcpElement = { ...img, tag: 'H1', type: 'text', imageUrl: '' };
const run = (performance: number, lcpMs: number, lcpElement = img): PictureRun => ({ performance, lcpMs, lcpElement });
const text = (lcpMs: number) => run(100, lcpMs, h1);
const metAll = (runs: PictureRun[], twins: PictureRun[]) => pictureChecks(runs, twins).map((c) => c.met);

describe("a picture page's targets", () => {
  const good = [run(95, 1800), run(92, 1900), run(97, 1700)];
  const twins = [text(1300), text(1250), text(1350)];

  it('are met by a fast page whose LCP is its picture', () => {
    expect(metAll(good, twins)).toEqual([true, true, true, true]);
    expect(verdictLine('story', pictureChecks(good, twins))).toBe(
      '- story: performance 95 ≥ 90 met; LCP 1800 ms < 2500 ms met; LCP element an `<img>` in 3/3 runs (last: `img /media/0123456789abcdef/16x9-960.avif`) met; LCP +500 ms over the same page with pictures blocked (1300 ms) ≤ +800 ms met.',
    );
  });

  it('miss on performance under 90 and LCP at 2500 ms', () => {
    expect(metAll([run(89, 2500), run(89, 2500), run(95, 1000)], [text(1800)])).toEqual([false, false, true, true]);
  });

  it('miss when a single run painted text as LCP', () => {
    expect(metAll([...good, run(95, 1800, h1)], twins)[2]).toBe(false);
  });

  it('miss when the pictures add more than 800 ms', () => {
    expect(metAll(good, [text(997), text(998), text(999)])[3]).toBe(false);
    expect(metAll(good, [text(1000), text(1000), text(1000)])[3]).toBe(true);
  });

  it('say the comparison is void when a blocked run still painted a picture, or none ran', () => {
    const checks = pictureChecks(good, [text(1300), run(95, 1800)]);
    expect(checks[3]).toEqual({ met: false, what: expect.stringContaining('1/2 blocked runs still painted an image') as string });
    expect(metAll(good, [])[3]).toBe(false);
  });

  it('give one table row per page beside its twin', () => {
    const [, , row] = pictureTable([{ name: 'story', runs: good, blocked: twins }]);
    expect(row).toBe(
      '| story | 3 | 95 (92–97) | 1800 ms | 1300 ms | +500 ms | `img /media/0123456789abcdef/16x9-960.avif` | 3/3 | `h1 text` |',
    );
  });
});

describe('the pictures of a page', () => {
  it('are every src and srcset candidate of its images, and its image preloads', () => {
    const html = [
      '<link rel="preload" as="image" href="/media/k/16x9-960.jpg" imagesrcset="/media/k/16x9-480.avif 480w, /media/k/16x9-960.avif 960w" fetchpriority="high">',
      '<link rel="stylesheet" href="/_next/static/css/a.css"><link rel="icon" href="/icon.svg?1">',
      '<picture><source type="image/avif" srcset="/media/k/16x9-480.avif 480w, /media/k/16x9-960.avif 960w">',
      '<img src="/_next/image?url=%2Fimages%2Fa.jpg&amp;w=640&amp;q=75" srcSet="/_next/image?url=%2Fimages%2Fa.jpg&amp;w=640&amp;q=75 1x" alt="x"></picture>',
      '<img src="data:image/gif;base64,R0lGOD" alt=""><img data-src="/lazy.jpg" alt="">',
    ].join('');
    expect(pictureUrls(html)).toEqual([
      '/media/k/16x9-960.jpg',
      '/media/k/16x9-480.avif',
      '/media/k/16x9-960.avif',
      '/_next/image?url=%2Fimages%2Fa.jpg&w=640&q=75',
    ]);
  });
});
