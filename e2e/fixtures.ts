import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** Tests use the shared production server that global setup started. */
export const test = base.extend({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this destructuring and requires one; this fixture has none
  baseURL: async ({}, provide) => {
    const url = process.env.E2E_BASE_URL;
    if (!url) throw new Error('E2E_BASE_URL is not set: run the suite through playwright.config.ts');
    await provide(url);
  },
});

export { expect };

/** WCAG 2.2 A and AA violations on the page as it stands. */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** True when the page is wider than the viewport (a reader would have to scroll sideways). */
export async function hasHorizontalOverflow(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

/** The page's checks every page type must pass: axe clean, and no sideways scroll, even at 320 px. */
export async function expectAccessibleAndFitting(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
  expect(await hasHorizontalOverflow(page)).toBe(false);
  const size = page.viewportSize();
  if (size && size.width > 320) {
    await page.setViewportSize({ width: 320, height: size.height });
    expect(await hasHorizontalOverflow(page), 'horizontal overflow at 320 px').toBe(false);
    await page.setViewportSize(size);
  }
}

/** Sum of layout-shift scores since navigation (Cumulative Layout Shift without session windows). */
export async function layoutShift(page: Page) {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), 500);
      }),
  );
}
