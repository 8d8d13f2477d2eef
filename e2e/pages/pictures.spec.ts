import type { Browser, Page } from '@playwright/test';
import { axeViolations, expect, hasHorizontalOverflow, layoutShift, test } from '../fixtures';

/**
 * Pictures on cards (issue 18): each card's picture in its slot's shape, no picture fetched much
 * wider than it is shown, the first screen's pictures eager and the rest lazy, at most one fetched
 * at high priority, and pages still accessible in both themes.
 */

/** Pages with picture cards (and a story whose related and "More from" stories have pictures). */
const PAGES = [
  '/',
  '/world',
  '/tags/velmora',
  '/tags/defence',
  '/authors/tomasz-wren',
  '/articles/lake-oren-singing-ice-shelf',
  '/search?q=Velmora',
] as const;

/** Width over height of each card variant's picture: from 48rem, and below (lib/media/slots.ts). */
const RATIOS: Record<string, { wide: number; narrow: number }> = {
  lead: { wide: 16 / 9, narrow: 4 / 5 },
  standard: { wide: 16 / 9, narrow: 1 },
  list: { wide: 4 / 3, narrow: 1 },
};
const WIDE_PX = 768;

/** Scrolls every <picture>'s <img> into view, then waits until each has loaded. Returns how many there are. */
async function loadAllPictures(page: Page): Promise<number> {
  const count = await page.locator('picture img').count();
  for (let i = 0; i < count; i++) await page.locator('picture img').nth(i).scrollIntoViewIfNeeded();
  await expect
    .poll(() => page.locator('picture img').evaluateAll((imgs) => imgs.filter((i) => !(i as HTMLImageElement).complete).length), {
      timeout: 15_000,
    })
    .toBe(0);
  return count;
}

type Shown = { src: string; natural: number; naturalHeight: number; client: number; clientHeight: number; dpr: number; widest: number };

/** Each picture's fetched and shown size, and the widest rendition its chosen srcset offers. */
function shownPictures(page: Page, selector = 'picture img'): Promise<Shown[]> {
  return page.locator(selector).evaluateAll((imgs) =>
    imgs.map((el) => {
      const img = el as HTMLImageElement;
      const file = img.currentSrc;
      const sets = [...img.parentElement!.querySelectorAll('source'), img].map((s) => s.getAttribute('srcset') ?? '');
      const set = sets.find((s) => s.includes(new URL(file).pathname)) ?? '';
      const widths = set.split(',').map((c) => Number(c.trim().split(' ')[1]?.replace('w', '')));
      return {
        src: new URL(file).pathname,
        natural: img.naturalWidth,
        naturalHeight: img.naturalHeight,
        client: img.clientWidth,
        clientHeight: img.clientHeight,
        dpr: window.devicePixelRatio,
        widest: Math.max(...widths),
      };
    }),
  );
}

/** No picture is fetched more than 1.5 times wider than it is shown on this screen (unless it is the widest there is). */
async function expectNoWastedWidth(page: Page, path: string) {
  await page.goto(path);
  const count = await loadAllPictures(page);
  expect(count, `pictures on ${path}`).toBeGreaterThan(0);
  for (const p of await shownPictures(page)) {
    expect(p.natural, `${path}: ${p.src} not loaded`).toBeGreaterThan(0);
    if (p.natural === p.widest) continue;
    expect(p.natural, `${path}: ${p.src} is ${p.natural} px wide, shown at ${p.client} CSS px x ${p.dpr}`).toBeLessThanOrEqual(
      1.5 * p.client * p.dpr,
    );
  }
}

test('every card picture is in its slot’s shape for the viewport', async ({ page }) => {
  let checked = 0;
  for (const path of [
    '/',
    '/world',
    '/tags/velmora',
    '/authors/tomasz-wren',
    '/articles/lake-oren-singing-ice-shelf',
    '/search?q=Velmora',
  ]) {
    await page.goto(path);
    await loadAllPictures(page);
    const wide = page.viewportSize()!.width >= WIDE_PX;
    const cards = await page.locator('article[data-card]:has(picture img), ol article:has(picture img)').evaluateAll((articles) =>
      articles.map((a) => {
        const img = a.querySelector('picture img') as HTMLImageElement;
        return {
          variant: a.getAttribute('data-card') ?? 'list',
          natural: img.naturalWidth / img.naturalHeight,
          box: img.getBoundingClientRect().width / img.getBoundingClientRect().height,
          src: img.currentSrc,
        };
      }),
    );
    for (const card of cards) {
      const expected = RATIOS[card.variant]![wide ? 'wide' : 'narrow'];
      expect(Math.abs(card.natural / expected - 1), `${path} ${card.variant}: file ${card.src}`).toBeLessThan(0.02);
      expect(Math.abs(card.box / expected - 1), `${path} ${card.variant}: box of ${card.src}`).toBeLessThan(0.02);
    }
    checked += cards.length;
  }
  expect(checked).toBeGreaterThan(10);
});

test('a card without a picture keeps the layout: the seed leads the front as text', async ({ page }) => {
  await page.goto('/');
  const lead = page.getByRole('region', { name: 'Top stories' }).locator('article[data-card="lead"]');
  await expect(lead).toHaveCount(1);
  await expect(lead.locator('picture, img')).toHaveCount(0);
  await expect(lead.getByRole('heading', { name: /Putin and Lukashenko/ })).toBeVisible();
  // No empty box where a picture would be: the headline is near the top of the card.
  const card = (await lead.boundingBox())!;
  const heading = (await lead.getByRole('heading').boundingBox())!;
  expect(heading.y - card.y).toBeLessThan(80);
  expect(heading.width).toBeGreaterThan(card.width * 0.6);
  // Every other card on the first screen's row has its picture, and the row's pictures line up.
  const top = page.getByRole('region', { name: 'Top stories' }).locator('article[data-card="standard"] picture img');
  await expect(top).toHaveCount(4);
  const tops = await top.evaluateAll((imgs) => imgs.map((i) => Math.round(i.getBoundingClientRect().top)));
  const xs = await top.evaluateAll((imgs) => imgs.map((i) => Math.round(i.getBoundingClientRect().left)));
  if (page.viewportSize()!.width >= 1024) expect(new Set(tops).size).toBe(1);
  else expect(new Set(xs).size).toBeLessThanOrEqual(2);
});

test('the tag front whose newest story has no picture leads with text, then a picture lead, and keeps its list', async ({ page }) => {
  await page.goto('/tags/defence');
  const cards = page.locator('main li article');
  const lead = cards.first();
  await expect(lead).toHaveAttribute('data-card', 'lead');
  await expect(lead.locator('picture')).toHaveCount(0);
  await expect(lead.getByRole('heading')).toBeVisible();
  await expect(cards.nth(1)).toHaveAttribute('data-card', 'lead');
  await expect(cards.nth(1).locator('picture img')).toHaveCount(1);
  await expect(page.locator('main li article[data-card="list"] picture img')).toHaveCount(1);
});

test('no picture is fetched more than 1.5 times wider than it is shown', async ({ page }) => {
  for (const path of PAGES) await expectNoWastedWidth(page, path);
});

async function atTabletWidth(browser: Browser, baseURL: string, deviceScaleFactor: number) {
  const context = await browser.newContext({ baseURL, viewport: { width: 768, height: 1024 }, deviceScaleFactor });
  const page = await context.newPage();
  try {
    for (const path of PAGES) await expectNoWastedWidth(page, path);
  } finally {
    await context.close();
  }
}

test('no picture is wasted at 768 px either, at 1 and 2 device pixels per CSS pixel', async ({ browser, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'one viewport of its own; the same on every project');
  test.setTimeout(120_000);
  await atTabletWidth(browser, baseURL!, 1);
  await atTabletWidth(browser, baseURL!, 2);
});

test('pages with picture cards do not shift as their pictures load', async ({ page }) => {
  for (const path of ['/', '/world', '/search?q=Velmora']) {
    await page.goto(path, { waitUntil: 'networkidle' });
    expect(await layoutShift(page), path).toBe(0);
  }
});

test('first-screen pictures load eagerly, the rest lazily, at most one at high priority', async ({ page }) => {
  let checked = 0;
  for (const path of PAGES) {
    await page.goto(path);
    const pictures = await page.locator('picture img').evaluateAll((imgs) =>
      imgs.map((i) => ({
        src: i.getAttribute('src'),
        loading: i.getAttribute('loading'),
        high: i.getAttribute('fetchpriority') === 'high',
        top: i.getBoundingClientRect().top + window.scrollY,
        bottom: i.getBoundingClientRect().bottom + window.scrollY,
        screen: window.innerHeight,
      })),
    );
    expect(pictures.length, path).toBeGreaterThan(0);
    for (const p of pictures) {
      if (p.bottom > 0 && p.top < p.screen) expect(p.loading, `${path}: ${p.src} is on the first screen`).toBe('eager');
      // Loading is decided by position in the page, the same for every viewport: a card just below a
      // phone's first screen may be on a desktop's, so only pictures well below it must be lazy.
      if (p.top > p.screen * 2) expect(p.loading, `${path}: ${p.src} is far below the first screen`).toBe('lazy');
    }
    expect(pictures.filter((p) => p.high).length, path).toBeLessThanOrEqual(1);
    expect(await page.locator('[fetchpriority="high"]:not(link)').count(), path).toBeLessThanOrEqual(1);
    checked += pictures.length;
  }
  expect(checked).toBeGreaterThan(20);
});

test('a listing front’s lead picture is fetched first; a text lead is followed by a picture lead', async ({ page }) => {
  // /tags/velmora leads with a story with a picture; /world with the seed, which has none.
  await page.goto('/tags/velmora');
  const lead = page.locator('main li article').first();
  await expect(lead).toHaveAttribute('data-card', 'lead');
  await expect(lead.locator('picture img')).toHaveAttribute('fetchpriority', 'high');
  await expect(page.locator('img[fetchpriority="high"]')).toHaveCount(1);
  await expect(page.locator('main li article[data-card="lead"]')).toHaveCount(1);
  await page.goto('/world');
  const [first, second] = [page.locator('main li article').nth(0), page.locator('main li article').nth(1)];
  await expect(first).toHaveAttribute('data-card', 'lead');
  await expect(first.locator('picture')).toHaveCount(0);
  // The pictureless lead keeps its place; the next story leads with its picture, fetched first.
  await expect(second).toHaveAttribute('data-card', 'lead');
  await expect(second.locator('picture img')).toHaveAttribute('fetchpriority', 'high');
  await expect(page.locator('img[fetchpriority="high"]')).toHaveCount(1);
  await expect(page.locator('main li article[data-card="list"] img[loading="eager"]')).toHaveCount(0);
  // The text lead is the smaller panel, so the picture lead starts on the first screen (from a 390 px phone up).
  const { width, height } = page.viewportSize()!;
  const pictureTop = (await second.locator('picture img').boundingBox())!.y;
  if (width >= 390) expect(pictureTop, 'the picture lead starts on the first screen').toBeLessThan(height - 60);
  expect((await first.boundingBox())!.height).toBeLessThan(height * 0.75);
});

test('a story’s lead picture is on a phone’s first screen, under the byline on desktop, and is the largest paint', async ({ page }) => {
  await page.goto('/articles/lake-oren-singing-ice-shelf', { waitUntil: 'networkidle' });
  const phone = page.viewportSize()!.width < WIDE_PX;
  const lead = page.locator('article header figure[data-print-picture="lead"] img');
  const [picture, headline] = await Promise.all([lead.boundingBox(), page.locator('article header h1').boundingBox()]);
  if (phone) {
    expect(picture!.y + picture!.height, 'the whole picture on the first screen').toBeLessThanOrEqual(page.viewportSize()!.height);
    expect(picture!.y).toBeLessThan(headline!.y);
  } else {
    expect(picture!.y).toBeGreaterThan(headline!.y);
  }
  // Screen readers meet the headline first whatever the order on screen.
  expect(await page.locator('article header').evaluate((h) => h.querySelector('h1, figure')!.tagName)).toBe('H1');
  const largest = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        new PerformanceObserver((list) => {
          const last = list.getEntries().at(-1) as PerformanceEntry & { element?: Element | null };
          resolve(last.element?.closest('figure')?.getAttribute('data-print-picture') ?? last.element?.tagName ?? 'none');
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      }),
  );
  expect(largest).toBe('lead');
});

test('pages with picture cards are accessible in light and dark, and fit the screen', async ({ page }) => {
  test.setTimeout(180_000);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    for (const path of PAGES) {
      await page.goto(path);
      expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
      expect(await hasHorizontalOverflow(page), `${path} (${colorScheme})`).toBe(false);
    }
  }
});

test('photos are not dimmed in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/world');
  const styles = await page
    .locator('picture img')
    .evaluateAll((imgs) =>
      imgs.map((i) => [getComputedStyle(i).filter, getComputedStyle(i).opacity, getComputedStyle(i.closest('picture')!).filter]),
    );
  expect(styles.length).toBeGreaterThan(0);
  for (const [filter, opacity, pictureFilter] of styles) {
    expect(filter).toBe('none');
    expect(opacity).toBe('1');
    expect(pictureFilter).toBe('none');
  }
});
