import { axeViolations, expect, hasHorizontalOverflow, test } from '../fixtures';

const SEED_TITLE = /^Putin and Lukashenko discuss/;
const results = (page: import('@playwright/test').Page) => page.locator('main ol > li');

test.describe('search', () => {
  test('the header form finds the seed story by "Lukash" and marks the name', async ({ page }) => {
    await page.goto('/');
    const form = page.getByRole('search', { name: 'Site search' });
    await form.getByRole('searchbox', { name: 'Search stories' }).fill('Lukash');
    await form.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\?q=Lukash$/);
    await expect(page).toHaveTitle('Search results for “Lukash” | News Rebeat');

    const first = results(page).first();
    await expect(first.getByRole('heading', { level: 3 })).toHaveText(SEED_TITLE);
    await expect(first.getByRole('heading', { level: 3 }).locator('mark')).toHaveText(['Lukashenko']);
    await expect(first.locator('mark').first()).toBeVisible();
    await expect(first.getByText('World', { exact: true })).toBeVisible();
    await expect(first.locator('time')).toHaveAttribute('datetime', '2023-02-18T09:00:00+00:00');
    await expect(first.locator('time')).toHaveText('18 Feb 2023');
    await expect(first.getByText(/only if his own country were attacked/)).toBeVisible();
    // The search page's own form keeps the words, to refine them.
    await expect(page.getByRole('search', { name: 'Search stories' }).getByRole('searchbox')).toHaveValue('Lukash');

    await first.getByRole('link').click();
    await expect(page).toHaveURL(/\/articles\/putin-lukashenko-summit-novo-ogaryovo$/);
  });

  test('another spelling ("Lukashenka") finds the seed story too', async ({ page }) => {
    const response = await page.goto('/search?q=Lukashenka');
    expect(response?.status()).toBe(200);
    await expect(results(page).first().getByRole('heading')).toHaveText(SEED_TITLE);
    await expect(results(page).first().locator('h3 mark')).toHaveText(['Lukashenko']);
  });

  test('is kept out of search engines', async ({ page }) => {
    await page.goto('/search?q=Lukash');
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  });

  test('filters by section with links and with the form', async ({ page }) => {
    await page.goto('/search?q=said');
    const filter = page.getByRole('navigation', { name: 'Filter results by section' });
    const total = Number((await page.getByRole('heading', { level: 2 }).textContent())!.match(/^(\d+)/)![1]);
    expect(total).toBeGreaterThan(2);
    await expect(filter.getByRole('link', { name: /^All sections/ })).toHaveAttribute('aria-current', 'page');

    const business = filter.getByRole('link', { name: /^Business/ });
    const businessCount = Number((await business.textContent())!.match(/(\d+)/)![1]);
    expect(businessCount).toBeGreaterThan(0);
    expect(businessCount).toBeLessThan(total);
    await business.click();
    await expect(page).toHaveURL(/\/search\?q=said&section=business$/);
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(
      `${businessCount} ${businessCount === 1 ? 'story in Business matches' : 'stories in Business match'} “said”`,
    );
    await expect(results(page)).toHaveCount(businessCount);
    for (const kicker of await results(page).locator('article > p:first-child').allTextContents()) expect(kicker).toMatch(/^Business/);
    await expect(filter.getByRole('link', { name: /^Business/ })).toHaveAttribute('aria-current', 'page');

    // The same filter through the form's select.
    const form = page.getByRole('search', { name: 'Search stories' });
    await form.getByLabel('Section').selectOption('politics');
    await form.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\?q=said&section=politics$/);
    await expect(results(page).first().getByText('Politics', { exact: true })).toBeVisible();
    await expect(form.getByLabel('Section')).toHaveValue('politics');

    await filter.getByRole('link', { name: /^All sections/ }).click();
    await expect(results(page)).toHaveCount(total);
  });

  test('one page of results has no page links; a page past the end says so', async ({ page }) => {
    await page.goto('/search?q=Lukash');
    await expect(page.getByRole('navigation', { name: 'Result pages' })).toHaveCount(0);
    const response = await page.goto('/search?q=Lukash&page=9');
    expect(response?.status()).toBe(200);
    await expect(page.getByText('There is no page 9 of these results: they fill 1 page.')).toBeVisible();
    await expect(results(page)).toHaveCount(0);
    await page.getByRole('link', { name: 'Go to the first page' }).click();
    await expect(page).toHaveURL(/\/search\?q=Lukash$/);
    await expect(results(page)).toHaveCount(1);
  });

  test('an empty query shows the form and a way to browse', async ({ page }) => {
    for (const path of ['/search', '/search?q=', '/search?q=%20%20%20']) {
      const response = await page.goto(path);
      expect(response?.status()).toBe(200);
      await expect(page).toHaveTitle('Search | News Rebeat');
      await expect(page.getByRole('search', { name: 'Search stories' }).getByRole('searchbox')).toHaveValue('');
      await expect(page.getByText(/Search every story we have published/)).toBeVisible();
      await expect(results(page)).toHaveCount(0);
    }
  });

  test('no results: a clear message with suggestions', async ({ page }) => {
    await page.goto('/search?q=zzqxv');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('No stories match “zzqxv”');
    await expect(page.getByText('Check the spelling, or try another spelling of a name.')).toBeVisible();
    await page.getByRole('navigation', { name: 'Browse sections instead' }).getByRole('link', { name: 'Science' }).click();
    await expect(page).toHaveURL(/\/science$/);
  });

  test('no results in a section points to the matches in other sections', async ({ page }) => {
    await page.goto('/search?q=Lukash&section=science');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText('No stories in Science match “Lukash”');
    await page.getByRole('link', { name: 'See 1 story in all sections' }).click();
    await expect(page).toHaveURL(/\/search\?q=Lukash$/);
    await expect(results(page).first().getByRole('heading')).toHaveText(SEED_TITLE);
  });

  test('hostile input is shown as text, answered with 200, and capped at 200 characters', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const inputs = ['<script>alert(1)</script>', '"><img src=x onerror=alert(2)>', '(.*', '[', '\\', '$&$1', '%', 'x'.repeat(5000)];
    for (const q of inputs) {
      const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
      expect(response?.status(), q.slice(0, 40)).toBe(200);
      const shown = q.trim().slice(0, 200);
      await expect(page.getByRole('search', { name: 'Search stories' }).getByRole('searchbox')).toHaveValue(shown);
      await expect(page.getByRole('heading', { level: 2 })).toContainText(`“${shown}”`);
    }
    await expect(page.locator('main img')).toHaveCount(0);
    expect(dialogs).toEqual([]);

    // Markup around a real word still finds it, marked, and the markup stays text.
    await page.goto(`/search?q=${encodeURIComponent('<b>Lukash</b>')}`);
    await expect(results(page).first().locator('h3 mark')).toHaveText(['Lukashenko']);
    await expect(page.locator('main b')).toHaveCount(0);
  });

  test('results, empty and no-result pages have no accessibility violations and fit the screen', async ({ page }) => {
    for (const path of [
      '/search?q=said',
      '/search',
      '/search?q=zzqxv&section=business',
      '/search?q=Lukash&page=4',
      `/search?q=${'x'.repeat(300)}`,
    ]) {
      await page.goto(path);
      expect(await axeViolations(page), path).toEqual([]);
      expect(await hasHorizontalOverflow(page), path).toBe(false);
    }
  });

  test('the header search form and results fit a 320 px screen', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/', '/search?q=said']) {
      await page.goto(path);
      await expect(page.getByRole('search', { name: 'Site search' }).getByRole('button', { name: 'Search' })).toBeVisible();
      expect(await hasHorizontalOverflow(page), path).toBe(false);
    }
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });

    test('the header form, results, highlight and section filter all work', async ({ page }) => {
      await page.goto('/');
      const form = page.getByRole('search', { name: 'Site search' });
      await form.getByRole('searchbox', { name: 'Search stories' }).fill('Lukashenka');
      await form.getByRole('searchbox', { name: 'Search stories' }).press('Enter');
      await expect(page).toHaveURL(/\/search\?q=Lukashenka$/);
      await expect(results(page).first().getByRole('heading')).toHaveText(SEED_TITLE);
      await expect(results(page).first().locator('h3 mark')).toHaveText(['Lukashenko']);

      await page.goto('/search?q=said');
      await page
        .getByRole('navigation', { name: 'Filter results by section' })
        .getByRole('link', { name: /^World/ })
        .click();
      await expect(page).toHaveURL(/\/search\?q=said&section=world$/);
      await expect(results(page).first().getByText('World', { exact: true })).toBeVisible();
      expect(await hasHorizontalOverflow(page)).toBe(false);
    });
  });
});
