/**
 * Image bytes a reader downloads per page type (issue 18, "Pictures"), at a phone's and a desktop's
 * viewport: each page loaded in Debian's Chromium with an empty cache, then scrolled to the bottom
 * so every lazy picture loads. "First screen" is what the page fetched before the first scroll,
 * which includes the lazy pictures Chromium fetches ahead of the viewport (it starts them within
 * 1,250-2,500 px of it); "whole page" adds what scrolling fetched. Bytes are transfer sizes
 * (headers and body as sent) of the responses whose resource type is image; a picture the page
 * shows twice is fetched once, and counted once.
 *
 *   npx tsx bench/support/image-weight.ts http://127.0.0.1:3000     every page type, both viewports, on a running site
 */
import { chromium, type Browser, type Page, type Request } from '@playwright/test';
import { CHROMIUM_LAUNCH } from '@/e2e/support/chromium';
import { SEED_PATH } from '@/e2e/support/seed';
import { paths } from '@/lib/urls';
import { cell, kB } from './format';

export type Viewport = { name: string; width: number; height: number; deviceScaleFactor: number; mobile: boolean };

/** A phone of Pixel 7 density at a small phone's viewport. */
export const PHONE: Viewport = { name: 'phone 360x740 @2.625x', width: 360, height: 740, deviceScaleFactor: 2.625, mobile: true };
export const DESKTOP: Viewport = { name: 'desktop 1280x800 @1x', width: 1280, height: 800, deviceScaleFactor: 1, mobile: false };

export type PageType = { name: string; path: string };

/** The story whose lead is a picture (the seed story has none); also the Lighthouse bench's picture story. */
export const PICTURE_STORY_SLUG = 'lake-oren-singing-ice-shelf';

/** One page of each type, on the repository's content (bench/support/image-weight.test.ts checks they exist). */
export const IMAGE_PAGES: readonly PageType[] = [
  { name: 'seed story (no picture)', path: SEED_PATH },
  { name: 'story with a picture', path: paths.story(PICTURE_STORY_SLUG) },
  { name: 'front page', path: paths.front() },
  { name: 'section front', path: paths.section('world') },
  { name: 'tag front', path: paths.tag('Port Calder') },
  { name: 'author front', path: paths.author('ines-okafor') },
  { name: 'search', path: paths.search({ q: 'Port Calder' }) },
  { name: 'live page', path: paths.live('storm-halvard-live') },
];

export type ImageRequest = { url: string; bytes: number; beforeScroll: boolean };
export type ImageTotals = { count: number; bytes: number };
export type ImageWeight = {
  firstScreen: ImageTotals;
  wholePage: ImageTotals;
  /** The LCP element before the first scroll (scrolling ends LCP): tag, position, and file for an image. */
  lcp: string;
  /** False when an image was still in flight when the measurement gave up waiting. */
  settled: boolean;
};

/** Counts and bytes before the first scroll, and over the whole page. */
export function imageTotals(requests: readonly ImageRequest[]): Pick<ImageWeight, 'firstScreen' | 'wholePage'> {
  const sum = (list: readonly ImageRequest[]) => ({ count: list.length, bytes: list.reduce((total, r) => total + r.bytes, 0) });
  return { firstScreen: sum(requests.filter((r) => r.beforeScroll)), wholePage: sum(requests) };
}

/** Waits long enough for a lazy picture to be asked for after a scroll, never failing the run. */
const QUIET_MS = 150;
const SETTLE_MAX_MS = 10_000;
/** A page is scrolled for at most this long: a page that keeps growing still ends. */
const SCROLL_MAX_MS = 30_000;

/** The network side of a measurement: image requests in flight, and when the last one started. */
function watchImages(page: Page) {
  const inFlight = new Set<Request>();
  const sizes: Promise<ImageRequest>[] = [];
  const before = new WeakMap<Request, boolean>();
  const state = { scrolled: false, lastStart: Date.now() };
  const isImage = (request: Request) => request.resourceType() === 'image' && /^https?:/.test(request.url());
  page.on('request', (request) => {
    if (!isImage(request)) return;
    inFlight.add(request);
    before.set(request, !state.scrolled);
    state.lastStart = Date.now();
  });
  page.on('requestfinished', (request) => {
    if (!isImage(request)) return;
    inFlight.delete(request);
    sizes.push(
      request.sizes().then((s) => ({
        url: request.url(),
        bytes: s.responseHeadersSize + s.responseBodySize,
        beforeScroll: before.get(request) ?? true,
      })),
    );
  });
  page.on('requestfailed', (request) => inFlight.delete(request));
  return { inFlight, sizes, state };
}

/** Until no image is in flight and none has started for QUIET_MS (at most SETTLE_MAX_MS); whether it got there. */
async function settle(page: Page, watch: ReturnType<typeof watchImages>): Promise<boolean> {
  // Two frames: lazy pictures that the last scroll brought near are asked for by then.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
  const until = Date.now() + SETTLE_MAX_MS;
  while (Date.now() < until) {
    if (watch.inFlight.size === 0 && Date.now() - watch.state.lastStart >= QUIET_MS) return true;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return false;
}

/** The page's LCP element so far, described in the page (buffered entries; nothing after 1 s). */
function lcpInPage(): Promise<string> {
  return new Promise((resolve) => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    new PerformanceObserver((list, observer) => {
      observer.disconnect();
      const entry = list.getEntries().at(-1) as LargestContentfulPaint | undefined;
      const el = entry?.element;
      if (!el) {
        // No element: it left the page, or it is a broken picture's alt text (in the <img>'s shadow tree).
        resolve(entry ? `no element (${Math.round(entry.size)} px² painted)` : 'none');
        return;
      }
      const chain = [el.parentElement?.parentElement, el.parentElement, el].filter((e): e is Element => Boolean(e)).map(describe);
      resolve(`${chain.join(' > ')}${entry.url ? ` ${new URL(entry.url).pathname}` : ''}`);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => resolve('none'), 1000);
  });
}

/** Scrolls a screen at a time to the bottom, letting lazy pictures load after each step. */
async function scrollToBottom(page: Page, watch: ReturnType<typeof watchImages>): Promise<boolean> {
  watch.state.scrolled = true;
  let settled = true;
  const until = Date.now() + SCROLL_MAX_MS;
  while (Date.now() < until) {
    const atBottom = await page.evaluate(() => {
      window.scrollBy(0, window.innerHeight);
      return window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    });
    settled = (await settle(page, watch)) && settled;
    if (atBottom) return settled;
  }
  return false;
}

/** One page at one viewport, in a fresh context (empty cache). */
export async function imageWeight(browser: Browser, url: string, viewport: Viewport): Promise<ImageWeight> {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: viewport.deviceScaleFactor,
    isMobile: viewport.mobile,
    hasTouch: viewport.mobile,
  });
  try {
    const page = await context.newPage();
    const watch = watchImages(page);
    const response = await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status() ?? 'nothing'}`);
    const firstSettled = await settle(page, watch);
    // As source text: a bundler's helpers (esbuild's __name, under tsx) do not exist in the page.
    const lcp = String(await page.evaluate(`(() => { const __name = (f) => f; return (${lcpInPage.toString()})(); })()`));
    const scrollSettled = await scrollToBottom(page, watch);
    return { ...imageTotals(await Promise.all(watch.sizes)), lcp, settled: firstSettled && scrollSettled };
  } finally {
    await context.close();
  }
}

export type ImageWeightRow = { page: PageType; byViewport: Map<string, ImageWeight> };

/** Every page at every viewport, one browser for all. */
export async function imageWeights(base: string, pages: readonly PageType[], viewports: readonly Viewport[]): Promise<ImageWeightRow[]> {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    const rows: ImageWeightRow[] = [];
    for (const page of pages) {
      const byViewport = new Map<string, ImageWeight>();
      for (const viewport of viewports) {
        process.stderr.write(`image bytes: ${page.name} at ${viewport.name}...\n`);
        byViewport.set(viewport.name, await imageWeight(browser, base + page.path, viewport));
      }
      rows.push({ page, byViewport });
    }
    return rows;
  } finally {
    await browser.close();
  }
}

const totals = (t: ImageTotals) => `${t.count} · ${kB(t.bytes)}`;

/** The report's table (images · kB, first screen and whole page, per viewport) and the LCP elements under it. */
export function imageWeightSection(rows: readonly ImageWeightRow[], viewports: readonly Viewport[]): string[] {
  const unsettled = rows.some((row) => [...row.byViewport.values()].some((w) => !w.settled));
  const lines = [
    `| page | path | ${viewports.map((v) => `${v.name}: first screen | whole page`).join(' | ')} |`,
    `| --- | --- | ${viewports.map(() => '---: | ---:').join(' | ')} |`,
  ];
  for (const { page, byViewport } of rows) {
    const cells = viewports.map((v) => {
      const w = byViewport.get(v.name);
      if (!w) return 'n/a | n/a';
      const flag = w.settled ? '' : ' †';
      return `${totals(w.firstScreen)} | ${totals(w.wholePage)}${flag}`;
    });
    lines.push(`| ${page.name} | \`${cell(page.path)}\` | ${cells.join(' | ')} |`);
  }
  lines.push('');
  if (unsettled) lines.push(`† an image was still loading ${SETTLE_MAX_MS / 1000} s after a step: the figure may be low.`, '');
  lines.push('LCP element before the first scroll (real Chromium, no throttling):', '');
  for (const { page, byViewport } of rows)
    lines.push(`- ${page.name}: ${viewports.map((v) => `${v.name} \`${byViewport.get(v.name)?.lcp ?? 'n/a'}\``).join('; ')}.`);
  return lines;
}

if (process.argv[1]?.endsWith('image-weight.ts')) {
  const [base] = process.argv.slice(2);
  if (!base) throw new Error('usage: image-weight.ts BASE_URL');
  void imageWeights(base, IMAGE_PAGES, [PHONE, DESKTOP]).then((rows) => console.log(imageWeightSection(rows, [PHONE, DESKTOP]).join('\n')));
}
