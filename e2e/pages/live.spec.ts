import { parseFeed } from '@rowanmanning/feed-parser';
import { expectAccessibleAndFitting, expect, test } from '../fixtures';

// The sample live story (content/articles/storm-halvard-live.mdx, 30 updates in content/live/).
const SLUG = 'storm-halvard-live';
const LIVE = `/live/${SLUG}`;

type Graph = Record<string, unknown> & { liveBlogUpdate?: Record<string, unknown>[] };
const graphsOf = (page: import('@playwright/test').Page) =>
  page.locator('script[type="application/ld+json"]').evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent) as Graph));

test('an ended live page reads as a story: "Ended" in words, summary, key events, pinned first, then newest first', async ({ page }) => {
  await page.goto(LIVE);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Storm Halvard');
  await expect(page.locator('.live-label')).toHaveText('Ended');
  const keyEvents = page.getByRole('navigation', { name: 'Key events' });
  await expect(keyEvents.getByRole('listitem')).toHaveCount(7);
  const updates = page.locator('article.live-update');
  await expect(updates).toHaveCount(20);
  // Pinned first, then the newest; each time absolute, with its zone.
  await expect(updates.first()).toHaveAttribute('id', 'evacuation-centres-and-helplines');
  await expect(updates.first()).toContainText('Pinned');
  await expect(updates.nth(1)).toHaveAttribute('id', 'coverage-ends');
  await expect(updates.nth(1).locator('time')).toHaveText('15 Feb, 21:30 UTC');
  await expectAccessibleAndFitting(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectAccessibleAndFitting(page);
});

test('later updates are on /page/2 with its own canonical link; page 1 keeps the live address', async ({ page, request }) => {
  await page.goto(LIVE);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${LIVE}$`));
  await page.getByRole('link', { name: 'Older updates →' }).click();
  await expect(page).toHaveURL(new RegExp(`${LIVE}/page/2$`));
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${LIVE}/page/2$`));
  await expect(page.locator('article.live-update')).toHaveCount(10);
  await expect(page.locator('article.live-update').last()).toHaveAttribute('id', 'red-warning-issued');
  expect((await request.get(`${LIVE}/page/3`)).status()).toBe(404);
  expect((await request.get(`${LIVE}/page/1`)).status()).toBe(404);
});

test('a permalink opens the page that holds the update, at the update; a key event links there too', async ({ page }) => {
  await page.goto(`${LIVE}/update/red-warning-issued`);
  await expect(page).toHaveURL(new RegExp(`${LIVE}/page/2#red-warning-issued$`));
  await expect(page.locator('#red-warning-issued')).toBeInViewport();
  await page.goto(LIVE);
  await page
    .getByRole('navigation', { name: 'Key events' })
    .getByRole('link', { name: /Red warning issued/ })
    .click();
  await expect(page).toHaveURL(new RegExp(`${LIVE}/page/2#red-warning-issued$`));
});

test('the story address of a live story redirects to its live page for good', async ({ request }) => {
  const response = await request.get(`/articles/${SLUG}`, { maxRedirects: 0 });
  expect(response.status()).toBe(308);
  expect(response.headers().location).toMatch(new RegExp(`${LIVE}$`));
});

test('live pages are cached for 5 s, story pages for 30 s', async ({ request }) => {
  const live = await request.get(LIVE);
  const story = await request.get('/articles/putin-lukashenko-summit-novo-ogaryovo');
  expect(live.headers()['cache-control']).toMatch(/s-maxage=5\b/);
  expect(story.headers()['cache-control']).toMatch(/s-maxage=30\b/);
});

test('search engines get LiveBlogPosting with coverage times and each update’s permalink; dateModified is the newest update', async ({
  page,
}) => {
  await page.goto(LIVE);
  const live = (await graphsOf(page)).find((g) => g['@type'] === 'LiveBlogPosting');
  expect(live).toBeDefined();
  expect(live!.coverageStartTime).toBe('2023-02-14T06:00:00+00:00');
  expect(live!.coverageEndTime).toBe('2023-02-15T21:30:00+00:00');
  expect(live!.dateModified).toBe('2023-02-15T21:30:00+00:00');
  expect(live!.liveBlogUpdate).toHaveLength(20);
  expect(live!.liveBlogUpdate![1]).toMatchObject({
    '@type': 'BlogPosting',
    headline: expect.any(String),
    datePublished: '2023-02-15T21:30:00+00:00',
    url: expect.stringMatching(new RegExp(`${LIVE}/update/coverage-ends$`)),
    articleBody: expect.any(String),
  });
});

test('the live story has its own feed of updates, RSS and Atom, advertised on its page', async ({ page, request }) => {
  await page.goto(LIVE);
  await expect(page.locator(`link[rel="alternate"][type="application/rss+xml"][href$="${LIVE}/feed.xml"]`)).toHaveCount(1);
  for (const file of ['feed.xml', 'atom.xml']) {
    const response = await request.get(`${LIVE}/${file}`);
    expect(response.status()).toBe(200);
    const feed = parseFeed(await response.text());
    expect(feed.items).toHaveLength(30);
    // Newest first by time (pinned or not), each linking to its permalink.
    expect(feed.items[0]!.url).toMatch(new RegExp(`${LIVE}/update/coverage-ends$`));
    expect(feed.items.at(-1)!.url).toMatch(new RegExp(`${LIVE}/update/red-warning-issued$`));
    expect(feed.items[0]!.content).toMatch(/<p>/);
  }
  expect((await request.get('/live/putin-lukashenko-summit-novo-ogaryovo/feed.xml')).status()).toBe(404);
});
