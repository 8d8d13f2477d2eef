import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startReverseCache } from '../../bench/support/nginx';
import { axeViolations } from '../fixtures';
import { copyContent, startServer, type RunningServer } from '../support/server';

// Live coverage on a production server and a copy of the content (ADR 0011): an update pushed
// through the webhook is on the live page at the next request, with no rebuild, also after a
// quiet minute; ending coverage changes the label and the structured data.
const REVALIDATE_SECRET = `revalidate-${Date.now()}-live`;
const SLUG = `live-e2e-${Date.now()}`;
const LIVE = `/live/${SLUG}`;
const START = new Date(Date.now() - 3_600_000).toISOString();

test.describe.configure({ mode: 'serial' });
test.setTimeout(150_000);

let server: RunningServer;
let contentDir: string;
// deploy/nginx.conf in front of the server, as bench/support/nginx.ts runs it.
let nginx: Awaited<ReturnType<typeof startReverseCache>>;
let nginxDir: string;

function writeLiveStory(live: string) {
  const lines = [
    '---',
    `title: "Harbour fire: live ${SLUG}"`,
    'dek: Firefighters are tackling a blaze at the Port Calder shipyard.',
    'section: business',
    'tags: [Port Calder]',
    'authors: [ines-okafor]',
    `publishedAt: ${START}`,
    'sample: true',
    `live: ${live}`,
    '---',
    '',
    'A fire broke out at the shipyard this morning.',
    '',
  ];
  writeFileSync(path.join(contentDir, 'articles', `${SLUG}.mdx`), lines.join('\n'));
}

function writeUpdate(id: string, title: string, minutesAgo: number) {
  const folder = path.join(contentDir, 'live', SLUG);
  mkdirSync(folder, { recursive: true });
  const time = new Date(Date.now() - minutesAgo * 60_000).toISOString();
  writeFileSync(
    path.join(folder, `${id}.mdx`),
    ['---', `time: ${time}`, `title: "${title}"`, '---', '', `${title}, our reporter says.`, ''].join('\n'),
  );
}

async function push(files: string[]) {
  const body = JSON.stringify({ ref: 'refs/heads/main', commits: [{ added: files, modified: [], removed: [] }] });
  const response = await fetch(`${server.url}/api/revalidate`, {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-hub-signature-256': `sha256=${createHmac('sha256', REVALIDATE_SECRET).update(body).digest('hex')}`,
    },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { revalidated: string[] }).revalidated;
}

const text = async (url: string) => (await fetch(`${server.url}${url}`)).text();

/** Waits until a page is served fresh from the cache (regenerated now, so its window just started). */
async function warm(url: string) {
  for (let i = 0; i < 60; i++) {
    if ((await fetch(`${server.url}${url}`)).headers.get('x-nextjs-cache') === 'HIT') return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${url} never became a fresh cache hit`);
}

test.beforeAll(async () => {
  contentDir = copyContent();
  server = await startServer({ contentDir, isolated: true, env: { REVALIDATE_SECRET } });
  nginxDir = mkdtempSync(path.join(tmpdir(), 'news-rebeat-live-nginx-'));
  nginx = await startReverseCache(nginxDir, path.resolve(__dirname, '../..'), server.url);
  writeLiveStory(`{ status: live, coverageStart: ${START} }`);
  writeUpdate('fire-reported', 'Fire reported at the shipyard', 50);
  await push([`content/articles/${SLUG}.mdx`, `content/live/${SLUG}/fire-reported.mdx`]);
});

test.afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined at run time when beforeAll failed before starting it
  await nginx?.stop();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- as above
  await server?.stop();
  if (nginxDir) rmSync(nginxDir, { recursive: true, force: true });
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

test('a pushed update is on the live page at the next request, and the front page says Live; related stories are left alone', async ({
  page,
}) => {
  await warm(LIVE);
  await warm('/');
  expect(await text(LIVE)).toContain('Fire reported at the shipyard');
  writeUpdate('crews-arrive', 'Fire crews arrive from Harth', 5);
  const revalidated = await push([`content/live/${SLUG}/crews-arrive.mdx`]);
  expect(revalidated).toEqual(
    expect.arrayContaining([LIVE, `${LIVE}/page/2`, `${LIVE}/updates.json`, '/', '/business', '/tags/port-calder', '/authors/ines-okafor']),
  );
  expect(revalidated.filter((p) => p.startsWith('/articles/'))).toEqual([]);
  // JavaScript off: a reload shows the update.
  await page.context().route('**/*.js', (route) => route.abort());
  await page.goto(`${server.url}${LIVE}`);
  await expect(page.locator('article.live-update').first()).toHaveAttribute('id', 'crews-arrive');
  await expect(page.locator('.live-label')).toHaveText(/^●?Live$/);
  // The story's card links to the live page and says Live (no other story in the content is live).
  const front = await text('/');
  expect(front).toContain(`href="${LIVE}"`);
  expect(front).toContain('class="live-label');
});

test('the updates endpoint lists the first page’s ids for the prompt, on the live page’s 5 s window', async () => {
  const response = await fetch(`${server.url}${LIVE}/updates.json`);
  expect(response.headers.get('cache-control')).toMatch(/s-maxage=5\b/);
  const body = (await response.json()) as { status: string; total: number; updates: { id: string }[] };
  expect(body.status).toBe('live');
  expect(body.updates.map((u) => u.id)).toEqual(['crews-arrive', 'fire-reported']);
  expect((await fetch(`${server.url}/live/putin-lukashenko-summit-novo-ogaryovo/updates.json`)).status).toBe(404);
});

test('behind deploy/nginx.conf a live page is cached for its 5 s and a story for its 30 s, and a pushed update gets through', async () => {
  const STORY = '/articles/putin-lukashenko-summit-novo-ogaryovo';
  const viaNginx = (url: string) => fetch(`${nginx.url}${url}`);
  for (const url of [LIVE, STORY]) await viaNginx(url);
  const [live, story] = [await viaNginx(LIVE), await viaNginx(STORY)];
  expect(live.headers.get('cache-control')).toMatch(/s-maxage=5\b/);
  expect(story.headers.get('cache-control')).toMatch(/s-maxage=30\b/);
  expect([live.headers.get('x-cache-status'), story.headers.get('x-cache-status')]).toEqual(['HIT', 'HIT']);
  // Past the live window, not the story's: nginx refreshes the live page, still serves the story.
  await new Promise((resolve) => setTimeout(resolve, 6_000));
  expect((await viaNginx(LIVE)).headers.get('x-cache-status')).not.toBe('HIT');
  expect((await viaNginx(STORY)).headers.get('x-cache-status')).toBe('HIT');

  writeUpdate('nginx-reader', 'Readers behind the cache see this', 1);
  await push([`content/live/${SLUG}/nginx-reader.mdx`]);
  // Within a window or two (the bench times it under load: bench/results.md).
  await expect
    .poll(async () => (await (await viaNginx(LIVE)).text()).includes('id="nginx-reader"'), { timeout: 20_000, intervals: [500] })
    .toBe(true);
});

test('behind deploy/nginx.conf a picture rendition a story page names is immutable, and a HIT the second time', async () => {
  const html = await (await fetch(`${nginx.url}/articles/lake-oren-singing-ice-shelf`)).text();
  const picture = /<picture>.*?<\/picture>/s.exec(html)?.[0] ?? '';
  const rendition = /\/media\/[0-9a-f]{16}\/[0-9a-z]+-[0-9]+\.(?:avif|webp)/.exec(picture)?.[0];
  expect(rendition, 'a rendition in the story page’s <picture>').toBeDefined();
  const first = await fetch(`${nginx.url}${rendition}`);
  expect(first.status).toBe(200);
  expect(first.headers.get('cache-control')).toMatch(/\bimmutable\b/);
  expect(first.headers.get('content-type')).toMatch(/^image\/(avif|webp)$/);
  await first.arrayBuffer();
  const second = await fetch(`${nginx.url}${rendition}`);
  expect(second.headers.get('x-cache-status')).toBe('HIT');
  expect(second.headers.get('cache-control')).toMatch(/\bimmutable\b/);
  // A name that is no rendition is a 404 nginx never keeps.
  for (let i = 0; i < 2; i++) {
    const missing = await fetch(`${nginx.url}${rendition!.replace(/-[0-9]+\./, '-7777.')}`);
    expect([missing.status, missing.headers.get('cache-control'), missing.headers.get('x-cache-status')]).toEqual([
      404,
      'no-store',
      'MISS',
    ]);
  }
});

test('a reader already on the page is offered the new update, sees it at the top, and keeps their place', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 360, height: 640 });
  await page.goto(`${server.url}${LIVE}`);
  const prompt = page.locator('[data-live-updates] button');
  await expect(prompt).toBeHidden();
  // Reading the oldest update, in the middle of the screen: neither the prompt appearing nor the
  // update shown may move it.
  const reading = page.locator('#fire-reported');
  await reading.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const before = await reading.evaluate((el) => el.getBoundingClientRect().top);
  writeUpdate('dock-road-closed', 'Dock road closed to traffic', 1);
  await push([`content/live/${SLUG}/dock-road-closed.mdx`]);
  // The page asks every 15 s.
  await expect(prompt).toHaveText('1 new update', { timeout: 40_000 });
  await prompt.click();
  await expect(page.locator('#updates-list article.live-update').first()).toHaveAttribute('id', 'dock-road-closed');
  await expect(page.getByRole('status').filter({ hasText: '1 new update shown' })).toBeVisible();
  await expect(prompt).toBeHidden();
  const after = await reading.evaluate((el) => el.getBoundingClientRect().top);
  expect(Math.abs(after - before)).toBeLessThanOrEqual(2);
  // A live page with its prompt, light and dark.
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await axeViolations(page)).toEqual([]);
});

test('after a minute of no traffic, a pushed update is still on the live page at the next request', async () => {
  await warm(LIVE);
  await new Promise((resolve) => setTimeout(resolve, 61_000));
  writeUpdate('fire-contained', 'Fire contained, says chief', 1);
  await push([`content/live/${SLUG}/fire-contained.mdx`]);
  const first = await text(LIVE);
  expect(first).toContain('Fire contained, says chief');
});

test('ending coverage changes the label to Ended and adds the end to the structured data', async ({ page }) => {
  const end = new Date().toISOString();
  writeLiveStory(`{ status: ended, coverageStart: ${START}, coverageEnd: ${end} }`);
  await push([`content/articles/${SLUG}.mdx`]);
  await page.goto(`${server.url}${LIVE}`);
  await expect(page.locator('.live-label')).toHaveText('Ended');
  const graphs = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent) as Record<string, unknown>));
  const live = graphs.find((g) => g['@type'] === 'LiveBlogPosting');
  expect(live?.coverageEndTime).toBe(end);
  // Cards no longer say Live once coverage has ended.
  const front = await text('/');
  expect(front).toContain(`href="${LIVE}"`);
  expect(front).not.toContain('class="live-label');
});
