import { axeViolations, expect, hasHorizontalOverflow, test } from '../fixtures';

const STORY = '/articles/kessington-mayor-survives-confidence-vote';

test('a corrected story shows "Updated" by the byline and a dated corrections box at the end', async ({ page }) => {
  await page.goto(STORY);
  const meta = page.locator('article header');
  await expect(meta.locator('time[datetime="2023-02-16T08:30:00+00:00"]')).toHaveText('16 February 2023 at 08:30 UTC');
  await expect(meta.getByText(/^Updated/)).toBeVisible();

  const box = page.getByRole('region', { name: 'Correction' });
  await expect(box).toBeVisible();
  await expect(box.locator('time[datetime="2023-02-16T11:45:00+00:00"]')).toHaveText('16 February 2023 at 11:45 UTC');
  await expect(box).toContainText('An earlier version of this story said the vote was 28 to 23.');
  // At the end of the story: after the body, before the author's bio.
  const order = await page.evaluate(() => {
    const body = document.querySelector('.article-body')!;
    const corrections = document.getElementById('corrections-heading')!;
    const bio = document.querySelector('article footer')!;
    return [
      body.compareDocumentPosition(corrections) & Node.DOCUMENT_POSITION_FOLLOWING,
      corrections.compareDocumentPosition(bio) & Node.DOCUMENT_POSITION_FOLLOWING,
    ];
  });
  const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING (no DOM in the test runner)
  expect(order).toEqual([FOLLOWING, FOLLOWING]);
  expect(await axeViolations(page)).toEqual([]);
  expect(await hasHorizontalOverflow(page)).toBe(false);
});

test('a story without corrections has no corrections box', async ({ page }) => {
  await page.goto('/articles/putin-lukashenko-summit-novo-ogaryovo');
  await expect(page.locator('#corrections-heading')).toHaveCount(0);
});

test('the latest correction sets dateModified in the structured data and article:modified_time', async ({ page }) => {
  await page.goto(STORY);
  const graphs = await page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((scripts) => scripts.map((s) => JSON.parse(s.textContent) as Record<string, unknown>));
  const story = graphs.find((g) => g['@type'] === 'NewsArticle')!;
  // updatedAt is 08:30; the correction at 11:45 is later, so it is the modification time.
  expect(story.dateModified).toBe('2023-02-16T11:45:00+00:00');
  await expect(page.locator('meta[property="article:modified_time"]')).toHaveAttribute('content', /2023-02-16T11:45:00/);
});
