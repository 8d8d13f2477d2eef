import { expect, test } from '../fixtures';
import { loadFigures, slowPhone, tapDelay, type Control, type TapFigures } from '../support/real-browser';
import { SEED_SLUG } from '../support/seed';

// Real Chromium on a slow phone (4x CPU, slow 4G), beside Lighthouse's simulation. Only invariants
// are asserted; the figures are printed here and measured against the floor by bench/lighthouse.ts.
const PAGES: { name: string; path: string; controls: Control[] }[] = [
  { name: 'article', path: `/articles/${SEED_SLUG}`, controls: ['menu', 'theme', 'copy-link'] },
  { name: 'front page', path: '/', controls: ['menu', 'theme'] },
];

for (const p of PAGES)
  test(`${p.name} on a slow phone: no layout shift, LCP on the headline or lead picture from the first HTML, only first-screen fonts preloaded, every tap answered`, async ({
    page,
    context,
  }) => {
    // The smallest phone is enough, and the throttled loads are slow.
    test.skip(test.info().project.name !== 'phone-small');
    test.setTimeout(180_000);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await slowPhone(page);

    const figures = await loadFigures(page, p.path);
    const after: TapFigures[] = [];
    for (const control of p.controls) after.push(await tapDelay(page, control));
    // Again, tapping as soon as each control shows, while the page still loads and hydrates.
    await page.goto(p.path, { waitUntil: 'commit' });
    const during: TapFigures[] = [];
    for (const control of p.controls) during.push(await tapDelay(page, control));
    console.log(`[real browser] ${p.name}: ${JSON.stringify({ ...figures, taps: [...during, ...after] })}`);

    expect(figures.cls).toBe(0);
    expect(figures.lcpElement, 'the LCP element is the headline or the lead picture').toMatchObject({ headline: true, inFirstHtml: true });
    expect(figures.preloadedFonts.length).toBeLessThanOrEqual(2);
    for (const font of figures.preloadedFonts)
      expect(font, 'only the Latin normal faces are preloaded').toMatch(/^(source_serif_4|inter)_latin_wght_normal\b/);
    for (const tap of [...during, ...after]) expect(tap.answeredMs, `${tap.control} ${tap.when} answered`).toBeDefined();
  });
