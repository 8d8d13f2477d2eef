import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { copyContent, startServer, writeTestStory, type RunningServer } from '../support/server';

// Pages revalidate every 30 s (docs/architecture/0003-isr-windows.md); allow two windows.
const WINDOW_MS = 30_000;
test.setTimeout(4 * WINDOW_MS);

let server: RunningServer;
let contentDir: string;

test.beforeAll(async () => {
  contentDir = copyContent();
  server = await startServer({ contentDir, isolated: true });
});

test.afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined at run time when beforeAll failed before starting it; the declared type is the tests' view
  await server?.stop();
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

async function poll(url: string, until: (html: string) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let html = '';
  while (Date.now() < deadline) {
    html = await (await fetch(url)).text();
    if (until(html)) return html;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return html;
}

test('a new and an edited article are served without a rebuild', async ({ page }) => {
  const slug = `isr-check-${Date.now()}`;
  const title = `Harbour lights return to Port Calder after a decade (${slug})`;
  // Request the new slug only once its file exists: Next caches a 404 for the window.
  writeTestStory(contentDir, slug, {
    title,
    dek: 'The town relights its harbour lamps in a test of the publishing pipeline.',
    body: 'The lamps along the harbour wall were switched on again on Friday evening.',
  });

  await page.goto(`${server.url}/articles/${slug}`);
  await expect(page.locator('h1')).toHaveText(title);
  await expect(page.getByText('The lamps along the harbour wall were switched on again')).toBeVisible();

  const edited = path.join(contentDir, 'articles', 'ardmoor-participatory-budget.mdx');
  const original = readFileSync(edited, 'utf8');
  writeFileSync(
    edited,
    original
      .replace(
        'title: Ardmoor lets residents decide how to spend a tenth of its budget',
        'title: Ardmoor residents choose safer school crossings in first budget vote',
      )
      .replace('Just over 6,000 people', 'Exactly 6,112 people'),
  );
  const storyUrl = `${server.url}/articles/ardmoor-participatory-budget`;
  // Before the window passes the prerendered page is still served.
  expect(await (await fetch(storyUrl)).text()).toContain('Ardmoor lets residents decide');

  const html = await poll(storyUrl, (h) => h.includes('Exactly 6,112 people'), 3 * WINDOW_MS);
  expect(html).toContain('Ardmoor residents choose safer school crossings');

  // Listings pick up the new story after their own window.
  const front = await poll(`${server.url}/`, (h) => h.includes(slug), 2 * WINDOW_MS);
  expect(front).toContain(`/articles/${slug}`);
  expect(server.output()).not.toMatch(/\[content\] left out|Error/);
});
