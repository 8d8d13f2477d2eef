import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { generateContent } from '../../scripts/generate-content';
import { startServer, type RunningServer } from '../support/server';

// Enough synthetic stories for several pages per section. "technology" exists only in the
// generated set, so its front is rendered from this content, not from the build's prerender.
let server: RunningServer;
let contentDir: string;

test.beforeAll(async () => {
  contentDir = mkdtempSync(path.join(tmpdir(), 'news-rebeat-paged-'));
  generateContent({ count: 800, dir: contentDir, seed: 3 });
  server = await startServer({ contentDir, isolated: true });
});

test.afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined at run time when beforeAll failed before starting it; the declared type is the tests' view
  await server?.stop();
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

test('section fronts paginate with stable prev/next links and 404 beyond the last page', async ({ page }) => {
  await page.goto(`${server.url}/technology`);
  await expect(page.locator('main li article')).toHaveCount(20);
  const pagination = page.getByRole('navigation', { name: 'Pagination' });
  const status = (await pagination.textContent())!;
  const total = Number(status.match(/Page 1 of (\d+)/)![1]);
  expect(total).toBeGreaterThanOrEqual(2);
  await expect(pagination.locator('a[rel="prev"]')).toHaveCount(0);

  const firstPageDates = await page.locator('main li time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  await pagination.locator('a[rel="next"]').click();
  await expect(page).toHaveURL(`${server.url}/technology/page/2`);
  const secondPageDates = await page.locator('main li time').evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  // Newest first across pages: everything on page 2 is older than page 1.
  expect(secondPageDates[0]! <= firstPageDates.at(-1)!).toBe(true);
  await expect(page.getByRole('navigation', { name: 'Pagination' }).locator('a[rel="prev"]')).toHaveAttribute('href', '/technology');

  const last = await page.goto(`${server.url}/technology/page/${total}`);
  expect(last?.status()).toBe(200);
  await expect(page.getByRole('navigation', { name: 'Pagination' }).locator('a[rel="next"]')).toHaveCount(0);
  expect((await page.request.get(`${server.url}/technology/page/${total + 1}`)).status()).toBe(404);
});

test('author and tag fronts paginate too', async ({ request }) => {
  const author = await (await request.get(`${server.url}/authors/ada-adler-0`)).text();
  expect(author).toContain('rel="next"');
  expect((await request.get(`${server.url}/authors/ada-adler-0/page/2`)).status()).toBe(200);
  // Tags hold few stories each: a single page, no pagination.
  const html = await (await request.get(`${server.url}/technology`)).text();
  const tagHref = html.match(/href="(\/articles\/synthetic-\d+)"/)![1];
  const story = await (await request.get(`${server.url}${tagHref}`)).text();
  const tag = story.match(/href="(\/tags\/[a-z0-9-]+)"/)![1];
  expect((await request.get(`${server.url}${tag}`)).status()).toBe(200);
  expect((await request.get(`${server.url}${tag}/page/2`)).status()).toBe(404);
});
