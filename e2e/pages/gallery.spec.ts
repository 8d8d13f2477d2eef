import { axeViolations, expect, hasHorizontalOverflow, test } from '../fixtures';

/** A sample story with a <Gallery> of three pictures and an inline <Figure>. */
const STORY = '/articles/port-calder-shipyard-electric-ferries';

// The gallery needs no JavaScript: every test here runs without it.
test.use({ javaScriptEnabled: false });

const isPhone = (width: number) => width < 832;

test('a gallery is a strip that scrolls sideways on phones and a grid on desktop', async ({ page }) => {
  await page.goto(STORY);
  const region = page.getByRole('region', { name: /^Gallery/ });
  await expect(region).toHaveCount(1);
  await expect(region).toHaveAttribute('tabindex', '0');
  const items = region.locator('li');
  const count = await items.count();
  expect(count).toBeGreaterThanOrEqual(2);
  await region.scrollIntoViewIfNeeded();
  const boxes = await items.evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().toJSON() as DOMRect));
  const width = page.viewportSize()!.width;

  if (isPhone(width)) {
    // One row, wider than the region: it scrolls, and the next picture shows at its edge.
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(new Set(boxes.map((b) => Math.round(b.top))).size).toBe(1);
    const regionBox = (await region.boundingBox())!;
    const second = items.nth(1);
    const before = (await second.boundingBox())!;
    expect(before.x + before.width).toBeGreaterThan(regionBox.x + regionBox.width);
    // A keyboard reader focuses the strip and scrolls it with the arrow keys.
    await region.focus();
    await expect(region).toBeFocused();
    const outline = await region.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(() => region.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
    // Scrolled to the second picture (snapping), it is wholly in view.
    await region.evaluate((el, left) => el.scrollTo({ left, behavior: 'instant' }), before.x - regionBox.x);
    const after = (await second.boundingBox())!;
    expect(after.x).toBeGreaterThanOrEqual(regionBox.x - 1);
    expect(after.x + after.width).toBeLessThanOrEqual(regionBox.x + regionBox.width + 1);
    expect(await hasHorizontalOverflow(page)).toBe(false);
  } else {
    // Rows of pictures side by side, nothing to scroll.
    const { scrollWidth, clientWidth } = await region.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const rows = new Map<number, number>();
    for (const b of boxes) rows.set(Math.round(b.top), (rows.get(Math.round(b.top)) ?? 0) + 1);
    expect(Math.max(...rows.values())).toBeGreaterThanOrEqual(2);
    expect(rows.size).toBeLessThan(count);
    // Wider than the text: the gallery breaks out of the measure.
    const body = (await page.locator('.article-body').boundingBox())!;
    const gallery = (await page.locator('.article-body .gallery').boundingBox())!;
    expect(gallery.width).toBeGreaterThan(body.width);
    expect(await hasHorizontalOverflow(page)).toBe(false);
  }
});

test('every gallery picture has a caption and a credit, and every body picture is lazy', async ({ page }) => {
  await page.goto(STORY);
  const figures = page.locator('.gallery li > figure');
  const count = await figures.count();
  expect(count).toBeGreaterThanOrEqual(2);
  for (let i = 0; i < count; i++) {
    const caption = figures.nth(i).locator('figcaption');
    await expect(caption).toContainText(/\w+/);
    await expect(caption).toContainText('Illustration for News Rebeat');
    await expect(figures.nth(i).locator('img')).toHaveAttribute('alt', /^Illustration of /);
  }
  const bodyImages = page.locator('.article-body img');
  expect(await bodyImages.count()).toBeGreaterThan(count);
  for (const loading of await bodyImages.evaluateAll((imgs) => imgs.map((img) => img.getAttribute('loading'))))
    expect(loading).toBe('lazy');
  // The gallery's own caption, under its pictures.
  await expect(page.locator('.gallery > figcaption')).toHaveText(/\w+/);
});

test('an inline figure sits beside the text on desktop and across the body on phones', async ({ page }) => {
  await page.goto(STORY);
  const figure = page.locator('.article-body .figure-inline');
  await expect(figure).toHaveCount(1);
  await expect(figure.locator('figcaption')).toContainText('Illustration for News Rebeat');
  const box = (await figure.boundingBox())!;
  const body = (await page.locator('.article-body').boundingBox())!;
  if (isPhone(page.viewportSize()!.width)) expect(box.width).toBeGreaterThan(body.width - 2);
  else {
    expect(box.width).toBeLessThan(body.width * 0.6);
    // Text runs beside it: lines of a paragraph sit level with it, to its left.
    const beside = await page.locator('.article-body > p').evaluateAll(
      (ps, f) =>
        ps.some((p) => {
          const range = document.createRange();
          range.selectNodeContents(p);
          return [...range.getClientRects()].some((r) => r.top < f.y + f.height && r.bottom > f.y && r.right <= f.x + 1);
        }),
      box,
    );
    expect(beside).toBe(true);
  }
});

test.describe('axe, which runs as a script in the page', () => {
  test.use({ javaScriptEnabled: true });

  test('the gallery story passes axe in light and dark', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(STORY);
      await expect(page.getByRole('region', { name: /^Gallery/ })).toHaveCount(1);
      expect(await axeViolations(page), colorScheme).toEqual([]);
      // Pictures are shown as they are in the dark: no filter dims them.
      const filters = await page.locator('main img').evaluateAll((imgs) => imgs.map((img) => getComputedStyle(img).filter));
      expect(filters.length).toBeGreaterThan(0);
      for (const filter of filters) expect(filter).toBe('none');
    }
  });
});

test('printed, a story keeps one picture: the lead, with its caption', async ({ page }) => {
  await page.goto(STORY);
  // On screen there are several.
  expect(await page.locator('main img:visible').count()).toBeGreaterThan(2);
  await page.emulateMedia({ media: 'print' });
  const shown = page.locator('main img:visible');
  await expect(shown).toHaveCount(1);
  await expect(page.locator('[data-print-picture="lead"] img')).toBeVisible();
  await expect(page.locator('[data-print-picture="lead"] figcaption')).toBeVisible();
  await expect(page.locator('[data-print-picture="lead"] figcaption')).toContainText(/\w+/);
  await expect(page.locator('.gallery')).toBeHidden();
  await expect(page.locator('.figure-inline')).toBeHidden();
});

test('no body picture is fetched at more than 1.5 times the pixels it is shown at', async ({ page }) => {
  await page.goto(STORY);
  const images = page.locator('.article-body img');
  expect(await images.count()).toBeGreaterThan(2);
  for (const img of await images.all()) await img.scrollIntoViewIfNeeded();
  await expect
    .poll(() =>
      images.evaluateAll((imgs) => imgs.every((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)),
    )
    .toBe(true);
  const dpr = await page.evaluate(() => window.devicePixelRatio);
  const shown = await images.evaluateAll((imgs) =>
    imgs.map((i) => ({
      src: (i as HTMLImageElement).currentSrc,
      natural: (i as HTMLImageElement).naturalWidth,
      width: i.getBoundingClientRect().width,
    })),
  );
  for (const s of shown) expect(s.natural, `${s.src} shown at ${s.width} px`).toBeLessThanOrEqual(1.5 * s.width * dpr);
});
