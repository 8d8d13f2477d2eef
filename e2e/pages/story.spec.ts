import { readFileSync } from 'node:fs';
import path from 'node:path';
import { axeViolations, expect, hasHorizontalOverflow, test } from '../fixtures';

const SEED = '/articles/putin-lukashenko-summit-novo-ogaryovo';
const seedLines = readFileSync(path.join(__dirname, '..', 'fixtures', 'seed-story.txt'), 'utf8')
  .trim()
  .split('\n');
const bodyParagraphs = seedLines.slice(0, 10);

test.describe('seed story', () => {
  test('reads correctly: headline, dek, byline, date, verbatim body, attribution', async ({ page }) => {
    const response = await page.goto(SEED);
    expect(response?.status()).toBe(200);

    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('h1')).toHaveText(/Putin and Lukashenko/);
    await expect(page.getByText(/only if his own country were attacked/)).toBeVisible();

    const paragraphs = await page.locator('.article-body p').allTextContents();
    expect(paragraphs).toEqual(bodyParagraphs);
    // "Source: Donga" is an attribution line, not part of the body.
    expect(paragraphs.join('\n')).not.toContain('Source: Donga');
    await expect(page.getByText('Source: Donga', { exact: true })).toBeVisible();

    await expect(page.locator('time[datetime="2023-02-18T09:00:00+00:00"]')).toHaveText('18 February 2023 at 09:00 UTC');
    await expect(page.getByRole('link', { name: 'Mark Jones', exact: true }).first()).toBeVisible();
    await expect(page.locator('article header').getByText('Sample story')).toHaveCount(0);
  });

  test('byline leads to the author page with the bio', async ({ page }) => {
    await page.goto(SEED);
    await page.locator('p', { hasText: /^By / }).getByRole('link', { name: 'Mark Jones' }).click();
    await expect(page).toHaveURL(/\/authors\/mark-jones$/);
    await expect(page.locator('h1')).toHaveText('Mark Jones');
    await expect(page.getByText(seedLines.at(-1)!)).toBeVisible();
    await expect(page.getByRole('link', { name: /Putin and Lukashenko discuss/ })).toBeVisible();
  });

  test('shows 3 to 5 related stories that link to other stories', async ({ page }) => {
    await page.goto(SEED);
    const related = page.getByRole('region', { name: 'Related stories' }).getByRole('link');
    const count = await related.count();
    expect(count).toBeGreaterThanOrEqual(3);
    expect(count).toBeLessThanOrEqual(5);
    const hrefs = await related.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(new Set(hrefs).size).toBe(count);
    for (const href of hrefs) {
      // A story page, or a live story's page (ADR 0011).
      expect(href).toMatch(/^\/(articles|live)\/[a-z0-9-]+$/);
      expect(href).not.toBe(SEED);
    }
    const firstTitle = (await related.first().textContent())!;
    await related.first().click();
    await expect(page.locator('h1')).toHaveText(firstTitle);
  });

  test('has no accessibility violations and fits the screen', async ({ page }) => {
    await page.goto(SEED);
    expect(await axeViolations(page)).toEqual([]);
    expect(await hasHorizontalOverflow(page)).toBe(false);
  });
});

test('a sample story is labelled and shows its image with caption and credit', async ({ page }) => {
  await page.goto('/articles/port-calder-shipyard-electric-ferries');
  await expect(page.getByText('Sample story').first()).toBeVisible();
  const hero = page.locator('article header figure img');
  await expect(hero).toHaveAttribute('alt', /white ferry/);
  await expect(hero).not.toHaveAttribute('loading', 'lazy');
  await expect(page.locator('article header figcaption')).toContainText('Illustration for News Rebeat');
  expect(await hero.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  expect(await axeViolations(page)).toEqual([]);
});

test('a 404 for an unknown story, tag or section is in the HTML itself: without JavaScript it reads, styled, with a way home', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    for (const path of ['/articles/no-such-story-anywhere', '/tags/no-such-tag-anywhere', '/no-such-section']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.locator('h1'), path).toHaveText(/can’t find that page/);
      await expect(page.getByRole('link', { name: 'Go to the front page' })).toBeVisible();
      // Styled: the site's serif, not the browser's default.
      expect(await page.locator('h1').evaluate((h) => getComputedStyle(h).fontFamily)).toContain('News Rebeat Serif');
    }
  } finally {
    await context.close();
  }
});

test('an unknown story is a 404 page with a way home', async ({ page }) => {
  const response = await page.goto('/articles/no-such-story-anywhere');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText(/can’t find that page/);
  await page.getByRole('link', { name: 'Go to the front page' }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(await axeViolations(page)).toEqual([]);
});
