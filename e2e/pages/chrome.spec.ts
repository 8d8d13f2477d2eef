import { axeViolations, expect, test } from '../fixtures';

test('keyboard: Tab reaches the skip link first, then navigation, then a story; Enter opens it', async ({ page, isMobile }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'News Rebeat', exact: true })).toBeFocused();
  // Then the controls and the section navigation (a disclosure on phones).
  let reachedNav = false;
  for (let i = 0; i < 12 && !reachedNav; i++) {
    await page.keyboard.press('Tab');
    reachedNav = await page.evaluate(() => Boolean(document.activeElement?.closest('nav[aria-label="Sections"]')));
  }
  expect(reachedNav).toBe(true);
  if (isMobile) {
    await page.keyboard.press('Enter');
    await expect(page.locator('nav[aria-label="Sections"] details')).toHaveAttribute('open', '');
  }
  let onStory = false;
  for (let i = 0; i < 20 && !onStory; i++) {
    await page.keyboard.press('Tab');
    onStory = await page.evaluate(() => Boolean(document.activeElement?.closest('main a[href^="/articles/"]')));
  }
  expect(onStory).toBe(true);
  const focused = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { text: el.textContent, outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
  // Focus is visible.
  expect(focused.outline).not.toBe('none');
  expect(focused.width).toBeGreaterThanOrEqual(2);
  await page.keyboard.press('Enter');
  await expect(page.locator('h1')).toHaveText(focused.text);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the section menu opens on a 320 px phone and share controls are hidden', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto('/articles/putin-lukashenko-summit-novo-ogaryovo');
    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByText('Sections').click();
    await nav.getByRole('link', { name: 'Science' }).click();
    await expect(page).toHaveURL(/\/science$/);
    await page.goBack();
    await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
    await expect(page.getByRole('button', { name: 'Dark mode' })).toBeHidden();
  });
});

test('dark mode follows the system, and a chosen theme is remembered without a flash', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const paper = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const DARK = 'rgb(18, 18, 18)';
  const LIGHT = 'rgb(255, 255, 255)';
  expect(await paper()).toBe(DARK);
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  expect(await paper()).toBe(LIGHT);
  // On the next page the saved choice applies before first paint: record the first frame's colour.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- typed as always there, but null until the parser reaches <body>
      if (document.body) {
        (window as unknown as { firstPaper: string }).firstPaper = getComputedStyle(document.documentElement).backgroundColor;
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/world');
  expect(await page.evaluate(() => (window as unknown as { firstPaper: string }).firstPaper)).toBe(LIGHT);
  expect(await paper()).toBe(LIGHT);
});

test('copy link puts the canonical address on the clipboard', async ({ page, context, browserName }) => {
  test.skip(browserName !== 'chromium');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/articles/putin-lukashenko-summit-novo-ogaryovo');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toMatch(/\/articles\/putin-lukashenko-summit-novo-ogaryovo$/);
});

test('the theme toggle and copy link answer before React has hydrated (its scripts never arrive)', async ({
  page,
  context,
  browserName,
}) => {
  test.skip(browserName !== 'chromium');
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // Only the scripts (the stylesheet is inside the HTML: lib/server/inline-css.mjs).
  await page.route(/\/_next\/static\/chunks\/.*\.js(\?|$)/, (route) => route.abort());
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('/articles/putin-lukashenko-summit-novo-ogaryovo');
  expect(await page.evaluate(() => Object.keys(document.querySelector('main') ?? {}).some((k) => k.startsWith('__reactFiber')))).toBe(
    false,
  );
  const toggle = page.getByRole('button', { name: 'Dark mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  // No Web Share API in desktop Chromium here: its button stays hidden rather than doing nothing.
  if (!(await page.evaluate(() => typeof navigator.share === 'function')))
    await expect(page.getByRole('button', { name: 'Share' })).toBeHidden();
});

test('the stylesheet comes inside the HTML: none is fetched for a story or the next page, before or after hydration, and both are styled', async ({
  page,
}) => {
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'stylesheet' || /\.css(\?|$)/.test(r.url())) fetched.push(r.url());
  });
  const headlineFont = () => page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontFamily);
  await page.goto('/articles/putin-lukashenko-summit-novo-ogaryovo');
  expect(await headlineFont()).toContain('News Rebeat Serif');
  await page.locator('a[href="/world"]:visible').first().click();
  await page.waitForURL('**/world');
  await expect(page.getByRole('heading', { level: 1, name: 'World' })).toBeVisible();
  expect(await headlineFont()).toContain('News Rebeat Serif');
  await page.waitForLoadState('networkidle');
  expect(fetched).toEqual([]);
});

test('printing shows the story without navigation, share controls or onward lists', async ({ page }) => {
  await page.goto('/articles/putin-lukashenko-summit-novo-ogaryovo');
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('h1')).toBeVisible();
  await expect(page.locator('.article-body p').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Related stories' })).toBeHidden();
  await expect(page.locator('body > footer')).toBeHidden();
});

test('dark mode keeps every colour pair readable (axe)', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const path of ['/', '/articles/island-states-sign-port-calder-patrol-pact', '/authors/ines-okafor']) {
    await page.goto(path);
    expect(await axeViolations(page), path).toEqual([]);
  }
});

test('reader pages ship no JavaScript file and no React payload: a story, a front, a live page and search', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  for (const path of ['/articles/putin-lukashenko-summit-novo-ogaryovo', '/world', '/live/storm-halvard-live', '/search?q=Lukashenko']) {
    await page.goto(path, { waitUntil: 'networkidle' });
    expect(await page.content(), path).not.toContain('self.__next_f');
  }
  expect(scripts).toEqual([]);
});
