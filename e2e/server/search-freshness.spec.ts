import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { copyContent, startServer, writeTestStory, type RunningServer } from '../support/server';

// Search is rendered per request from the content index, which sees a changed file within seconds
// (a file watcher, or a stat poll every 2 s): no revalidation window to wait for.
test.setTimeout(90_000);
// One server for both tests: run them one after the other in one worker.
test.describe.configure({ mode: 'default' });

let server: RunningServer;
let contentDir: string;
const PAGED = 'quokka';
const PAGED_COUNT = 23;

function story(slug: string, fields: { title: string; body: string; publishedAt?: string; draft?: boolean }) {
  writeTestStory(contentDir, slug, {
    ...fields,
    dek: 'A story written by the search end-to-end test.',
    section: 'science',
    tags: [],
    authors: ['priya-lindqvist'],
    publishedAt: new Date(fields.publishedAt ?? Date.now() - 3_600_000),
  });
}

async function slugsFound(query: string): Promise<string[]> {
  const html = await (await fetch(`${server.url}/search?q=${encodeURIComponent(query)}`)).text();
  return [...html.matchAll(/href="\/articles\/([a-z0-9-]+)"/g)].map((m) => m[1]!);
}

async function pollFound(query: string, until: (slugs: string[]) => boolean, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  let slugs = await slugsFound(query);
  while (!until(slugs) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    slugs = await slugsFound(query);
  }
  return slugs;
}

test.beforeAll(async () => {
  contentDir = copyContent();
  // Enough stories sharing one word for three pages of results (ten per page).
  for (let i = 0; i < PAGED_COUNT; i++) {
    const n = String(i).padStart(2, '0');
    // Same words in every headline (numbers of equal length), so the order is by date alone.
    story(`quokka-census-${n}`, {
      title: `Quokka census ${n} counts the island colony`,
      body: 'Volunteers counted the animals at dawn.',
      publishedAt: new Date(Date.UTC(2022, 0, 1 + i)).toISOString(),
    });
  }
  server = await startServer({ contentDir, isolated: true });
});

test.afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined at run time when beforeAll failed before starting it; the declared type is the tests' view
  await server?.stop();
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

test('a story file added after start is found on the next searches; drafts and scheduled stories never are', async () => {
  const word = `zeppelin${Date.now()}`;
  expect(await slugsFound(word)).toEqual([]);

  story('search-new-story', { title: `Airship ${word} lands on the lake`, body: `The ${word} came down at dawn.` });
  story('search-draft-story', { title: `Draft ${word} story`, body: 'Not ready.', draft: true });
  story('search-scheduled-story', {
    title: `Scheduled ${word} story`,
    body: 'Not yet.',
    publishedAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
  });

  const found = await pollFound(word, (slugs) => slugs.length > 0);
  expect(found).toEqual(['search-new-story']);
  // Still only the public story once every change has surely been seen (the poll interval is 2 s).
  await new Promise((resolve) => setTimeout(resolve, 3000));
  expect(await slugsFound(word)).toEqual(['search-new-story']);

  // Removing the file removes it from search as well.
  rmSync(path.join(contentDir, 'articles', 'search-new-story.mdx'));
  expect(await pollFound(word, (slugs) => slugs.length === 0)).toEqual([]);
  expect(server.output()).not.toMatch(/\[content\] left out|Error/);
});

test('pagination: stable page addresses, next and previous links, every story listed once', async ({ page }) => {
  await page.goto(`${server.url}/search?q=${PAGED}`);
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(`${PAGED_COUNT} stories match “${PAGED}”`);
  const pages = page.getByRole('navigation', { name: 'Result pages' });
  const listed: string[] = [];
  const titles = () => page.locator('main ol > li h3').allTextContents();

  await expect(pages.getByText('Page 1 of 3')).toBeVisible();
  await expect(pages.getByRole('link', { name: /Previous/ })).toHaveCount(0);
  listed.push(...(await titles()));

  await pages.getByRole('link', { name: /Next/ }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${PAGED}&page=2$`));
  await expect(pages.getByText('Page 2 of 3')).toBeVisible();
  const second = await titles();
  listed.push(...second);

  await pages.getByRole('link', { name: /Next/ }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${PAGED}&page=3$`));
  await expect(pages.getByRole('link', { name: /Next/ })).toHaveCount(0);
  listed.push(...(await titles()));

  expect(listed).toHaveLength(PAGED_COUNT);
  expect(new Set(listed).size).toBe(PAGED_COUNT);
  // Equally relevant stories come newest first.
  expect(listed[0]).toBe(`Quokka census ${PAGED_COUNT - 1} counts the island colony`);
  expect(listed.at(-1)).toBe('Quokka census 00 counts the island colony');

  await pages.getByRole('link', { name: /Previous/ }).click();
  await expect(page).toHaveURL(new RegExp(`/search\\?q=${PAGED}&page=2$`));
  expect(await titles()).toEqual(second);

  // The address is the page: loading it again gives the same stories, and the section filter keeps its own pages.
  await page.goto(`${server.url}/search?q=${PAGED}&page=2`);
  expect(await titles()).toEqual(second);
  await page.goto(`${server.url}/search?q=${PAGED}&section=science&page=3`);
  await expect(page.locator('main ol > li')).toHaveCount(3);
  await page.goto(`${server.url}/search?q=${PAGED}&page=4`);
  await expect(page.getByText('There is no page 4 of these results: they fill 3 pages.')).toBeVisible();
});
