import { axeViolations, expect, hasHorizontalOverflow, test } from '../fixtures';

test('front page leads with the newest story and lists the rest', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const storyLinks = page.locator('main a[href^="/articles/"]');
  // The seed story is the newest and leads.
  await expect(storyLinks.first()).toHaveText(/Putin and Lukashenko/);
  expect(await storyLinks.count()).toBeGreaterThanOrEqual(10);
  await storyLinks.nth(1).click();
  await expect(page).toHaveURL(/\/articles\//);
  await expect(page.locator('h1')).toHaveCount(1);
});

test('front page has no accessibility violations and fits the screen', async ({ page }) => {
  await page.goto('/');
  expect(await axeViolations(page)).toEqual([]);
  expect(await hasHorizontalOverflow(page)).toBe(false);
});

test('section navigation leads to a section front', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Business' }).click();
  await expect(page).toHaveURL(/\/business$/);
  await expect(page.locator('h1')).toHaveText('Business');
  await expect(page.locator('main a[href^="/articles/"]').first()).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  expect(await hasHorizontalOverflow(page)).toBe(false);
});

test('an author page shows the author and only their stories', async ({ page }) => {
  const response = await page.goto('/authors/priya-lindqvist');
  expect(response?.status()).toBe(200);
  await expect(page.locator('h1')).toHaveText('Priya Lindqvist');
  await expect(page.getByText('Science writer (sample)')).toBeVisible();
  await expect(page.locator('main li article')).toHaveCount(2);
  expect(await axeViolations(page)).toEqual([]);
  expect(await hasHorizontalOverflow(page)).toBe(false);
});
