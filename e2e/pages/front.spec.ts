import { expect, expectAccessibleAndFitting, layoutShift, test } from '../fixtures';

test('front page: the newest story leads, top stories, a latest list with times, a row per section', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const top = page.getByRole('region', { name: 'Top stories' });
  // The stories' headlines (the latest list, with its own heading, sits in the same region).
  await expect(top.locator('article h2').first()).toHaveText(/Putin and Lukashenko/);
  await expect(top.locator('article h2')).toHaveCount(5);
  const latest = page.getByRole('region', { name: 'Latest' });
  await expect(latest.locator('li')).toHaveCount(8);
  await expect(latest.locator('time').first()).toContainText('09:00');
  for (const name of ['World', 'Politics', 'Business', 'Science']) {
    await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
  }
  await expectAccessibleAndFitting(page);
});

test('front page: a story link opens the story', async ({ page }) => {
  await page.goto('/');
  const link = page.getByRole('region', { name: 'Top stories' }).locator('a[href^="/articles/"]').nth(1);
  const title = (await link.textContent())!;
  await link.click();
  await expect(page.locator('h1')).toHaveText(title);
});

test('front page and article do not shift as they load', async ({ page }) => {
  await page.goto('/', { waitUntil: 'networkidle' });
  expect(await layoutShift(page)).toBe(0);
  await page.goto('/articles/port-calder-shipyard-electric-ferries', { waitUntil: 'networkidle' });
  expect(await layoutShift(page)).toBe(0);
});

test('section front lists the section, newest first, with a way to other sections', async ({ page }) => {
  const response = await page.goto('/world');
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1')).toHaveText('World');
  const dates = await page.locator('main li time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  expect(dates.length).toBeGreaterThanOrEqual(5);
  expect([...dates].sort().reverse()).toEqual(dates);
  await expect(page.getByRole('navigation', { name: 'Pagination' })).toHaveCount(0);
  await expectAccessibleAndFitting(page);
});

test('tag page lists every story with the tag', async ({ page }) => {
  await page.goto('/articles/putin-lukashenko-summit-novo-ogaryovo');
  await page.getByRole('navigation', { name: 'Topics' }).getByRole('link', { name: 'Defence' }).click();
  await expect(page).toHaveURL(/\/tags\/defence$/);
  await expect(page.locator('h1')).toHaveText('Defence');
  // The seed and the two sample stories tagged Defence.
  await expect(page.locator('main li article')).toHaveCount(3);
  await expectAccessibleAndFitting(page);
});

test('author page shows photo or initials, role, bio and their stories', async ({ page }) => {
  const response = await page.goto('/authors/priya-lindqvist');
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1')).toHaveText('Priya Lindqvist');
  await expect(page.getByText('Science writer (sample)')).toBeVisible();
  await expect(page.getByText('PL', { exact: true })).toBeVisible();
  await expect(page.locator('main li article')).toHaveCount(2);
  await expectAccessibleAndFitting(page);
});

test('malformed and out-of-range page numbers are 404s, not errors', async ({ request }) => {
  for (const path of [
    '/world/page/2',
    '/world/page/1',
    '/world/page/0',
    '/world/page/-1',
    '/world/page/abc',
    '/world/page/02',
    '/tags/defence/page/9',
    '/authors/mark-jones/page/2',
    '/tags/no-such-tag',
    '/no-such-section',
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
});
