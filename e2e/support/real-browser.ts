import type { Page } from '@playwright/test';

/**
 * A page load in real Chromium on a slow phone: 4x CPU throttling and Lighthouse's slow-4G
 * network (150 ms round trip, 1.6 Mbps down, 750 kbps up), with PerformanceObservers on LCP,
 * layout shifts and long tasks. Used by e2e/pages/real-browser.spec.ts (invariants) and
 * bench/lighthouse.ts (figures, beside the floor page).
 */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
export const CPU_SLOWDOWN = 4;

export type PageFigures = {
  lcpMs: number;
  /** The final LCP candidate: tag, and its text or image address, shortened. */
  lcpElement: { tag: string; text: string; headline: boolean; inFirstHtml: boolean };
  cls: number;
  longestTaskMs: number;
  /** Font files the page preloads (their file names). */
  preloadedFonts: string[];
};

export type TapFigures = {
  control: string;
  when: 'during hydration' | 'after hydration' | 'no React on the page';
  answeredMs: number | undefined;
};

type Perf = {
  lcp: { time: number; tag: string; text: string; headline: boolean; marked: boolean }[];
  cls: number;
  longest: number;
  taps: { control: string; ms: number }[];
};

/** The controls a reader taps, by name. */
export const CONTROLS = {
  menu: 'nav[aria-label="Sections"] summary',
  theme: '[data-action="theme"]',
  'copy-link': '[data-action="copy-link"]',
} as const;
export type Control = keyof typeof CONTROLS;

/** Runs in the page before its own scripts: the observers, and a stopwatch on taps (see tapDelay). */
function observe(controls: Record<string, string>) {
  const perf: Perf = { lcp: [], cls: 0, longest: 0, taps: [] };
  (window as unknown as { __perf: Perf }).__perf = perf;
  // Elements in the HTML as it first arrived get a mark before anything else can run.
  const mark = () => document.querySelectorAll('body *:not([data-first-html])').forEach((el) => el.setAttribute('data-first-html', ''));
  document.addEventListener('readystatechange', () => document.readyState === 'interactive' && mark());
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { element?: Element | null })[]) {
      const el = entry.element;
      perf.lcp.push({
        time: entry.startTime,
        tag: el?.tagName.toLowerCase() ?? '',
        text: (el instanceof HTMLImageElement ? el.currentSrc : (el?.textContent ?? '')).slice(0, 80),
        headline: Boolean(el?.matches('h1, h2, h3, article img, figure img')),
        marked: Boolean(el?.hasAttribute('data-first-html')) || document.readyState === 'loading',
      });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
      if (!entry.hadRecentInput) perf.cls += entry.value;
  }).observe({ type: 'layout-shift', buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) perf.longest = Math.max(perf.longest, entry.duration);
  }).observe({ type: 'longtask', buffered: true });
  // A tap's answer: the first change of the DOM the control makes, timed from the input event.
  document.addEventListener(
    'click',
    (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const control = Object.keys(controls).find((name) => target?.closest(controls[name]!));
      if (!control) return;
      const watcher = new MutationObserver(() => {
        perf.taps.push({ control, ms: performance.now() - event.timeStamp });
        watcher.disconnect();
      });
      // What each control changes: the menu's open attribute, the theme, the copy status's text.
      watcher.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['open', 'data-theme'] });
      const status = document.querySelector('[data-share-status]');
      if (status) watcher.observe(status, { childList: true, characterData: true, subtree: true });
    },
    true,
  );
}

/** Throttles this page's CPU and network as a mid-range phone on slow 4G and installs the observers. */
export async function slowPhone(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  // As source text: a bundler's helpers (esbuild's __name, under tsx) do not exist in the page.
  await page.addInitScript({ content: `(() => { const __name = (f) => f; (${observe.toString()})(${JSON.stringify(CONTROLS)}); })();` });
}

/**
 * Where the page is with React when a control is tapped: hydrated (the element carries React's
 * fiber key), still hydrating, or without React at all (reader pages: lib/server/strip-hydration.mjs).
 */
function hydrationState(page: Page, selector: string): Promise<TapFigures['when']> {
  return page.evaluate((s) => {
    const el = document.querySelector(s);
    if (el && Object.keys(el).some((k) => k.startsWith('__reactFiber'))) return 'after hydration';
    return document.querySelector('script[src*="/_next/static/"]') ? 'during hydration' : 'no React on the page';
  }, selector);
}

/**
 * Taps a control and returns how long the page took to answer (its first DOM change), or
 * undefined when it never did within 5 s (a tap lost before hydration).
 */
export async function tapDelay(page: Page, control: Control): Promise<TapFigures> {
  const selector = CONTROLS[control];
  const target = page.locator(selector).first();
  await target.waitFor({ state: 'visible' });
  const when = await hydrationState(page, selector);
  const before = await page.evaluate(() => (window as unknown as { __perf: Perf }).__perf.taps.length);
  await target.click();
  const answered = await page
    .waitForFunction((n) => (window as unknown as { __perf: Perf }).__perf.taps.length > n, before, { timeout: 5_000 })
    .then(() => page.evaluate(() => (window as unknown as { __perf: Perf }).__perf.taps.at(-1)!.ms))
    .catch(() => undefined);
  return { control, when, answeredMs: answered };
}

/** Loads the page (already throttled by slowPhone), waits for it to settle, and reads the figures. */
export async function loadFigures(page: Page, url: string): Promise<PageFigures> {
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  // LCP is final at the first input; a short quiet wait lets late candidates and shifts report.
  await page.waitForTimeout(1_500);
  const perf = await page.evaluate(() => (window as unknown as { __perf: Perf }).__perf);
  const last = perf.lcp.at(-1);
  const preloadedFonts = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="preload"][as="font"]')].map(
      (l) => new URL(l.href).pathname.split('/').pop() ?? '',
    ),
  );
  return {
    lcpMs: last?.time ?? Number.NaN,
    lcpElement: { tag: last?.tag ?? 'none', text: last?.text ?? '', headline: last?.headline ?? false, inFirstHtml: last?.marked ?? false },
    cls: perf.cls,
    longestTaskMs: perf.longest,
    preloadedFonts,
  };
}
