import { rmSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { copyContent, startServer, writeTestStory, type RunningServer } from '../support/server';

// Security headers on every kind of response, and pages that run under the CSP without a single
// violation in Chromium (a policy that blocks Next's own scripts would break the site silently).
const PREVIEW_SECRET = `preview-${Date.now()}`;
const EMBED_SLUG = 'security-headers-embed-story';

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

let server: RunningServer;
let contentDir: string;

test.beforeAll(async () => {
  contentDir = copyContent();
  // A story with every embed provider and an image, so frame-src and img-src are exercised.
  writeTestStory(contentDir, EMBED_SLUG, {
    title: 'A story with embeds',
    dek: 'A story written by the end-to-end tests, with a video, a film and a chart.',
    body: [
      'The video first.',
      '<Embed url="https://www.youtube.com/watch?v=dQw4w9WgXcQ" title="A video" />',
      '<Embed url="https://vimeo.com/76979871" title="A film" />',
      '<Embed url="https://datawrapper.dwcdn.net/abcDE/1/" title="A chart" />',
    ].join('\n\n'),
  });
  server = await startServer({ contentDir, isolated: true, env: { PREVIEW_SECRET } });
});

test.afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined at run time when beforeAll failed before starting it; the declared type is the tests' view
  await server?.stop();
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

const EXPECTED = {
  'strict-transport-security': /max-age=\d{7,}/,
  'x-content-type-options': /^nosniff$/,
  'referrer-policy': /^strict-origin-when-cross-origin$/,
  'permissions-policy': /camera=\(\)/,
  'x-frame-options': /^DENY$/,
};

async function staticAsset(): Promise<string> {
  const html = await (await fetch(`${server.url}/`)).text();
  return html.match(/\/_next\/static\/[^"']+\.(?:js|css)/)![0];
}

test('every kind of response carries the security headers, and no X-Powered-By', async () => {
  const paths = [
    '/',
    '/world',
    '/world/page/2',
    `/articles/${EMBED_SLUG}`,
    '/articles/ardmoor-participatory-budget',
    '/authors/ines-okafor',
    '/tags/defence',
    '/feed.xml',
    '/feed.json',
    '/sitemap.xml',
    '/robots.txt',
    '/no-such-page',
    '/articles/no-such-story',
    '/api/revalidate',
    await staticAsset(),
  ];
  for (const p of paths) {
    const res = await fetch(`${server.url}${p}`, { redirect: 'manual' });
    for (const [name, pattern] of Object.entries(EXPECTED))
      expect(res.headers.get(name), `${name} on ${p} (${res.status})`).toMatch(pattern);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp, `CSP on ${p}`).toContain("frame-ancestors 'none'");
    expect(csp, `CSP on ${p}`).not.toContain('unsafe-eval');
    expect(res.headers.get('x-powered-by'), p).toBeNull();
  }
});

test('only the live editor allows eval', async () => {
  const res = await fetch(`${server.url}/preview/editor`, { redirect: 'manual' });
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("'unsafe-eval'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
});

/** Records CSP violations and console errors from the first byte of the page on. */
async function watchCsp(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __csp?: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on('console', (msg) => {
    if (/Content.Security.Policy|Refused to/i.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  return problems;
}

for (const p of [
  '/',
  '/world',
  `/articles/${EMBED_SLUG}`,
  '/articles/island-states-sign-port-calder-patrol-pact',
  '/authors/ines-okafor',
  '/tags/defence',
  '/search?q=x',
  '/no-such-page',
]) {
  test(`${p} renders with no CSP violation`, async ({ page }) => {
    const problems = await watchCsp(page);
    const response = await page.goto(`${server.url}${p}`, { waitUntil: 'load' });
    expect(response?.status(), p).toBe(p === '/no-such-page' ? 404 : 200);
    // Hydration and client navigation run scripts: click through to make sure they were allowed.
    // The inline theme script ran (it marks <html data-js>): inline scripts are allowed.
    if (response?.status() === 200)
      await page.waitForFunction(() => document.documentElement.hasAttribute('data-js'), undefined, { timeout: 10_000 });
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(500);
    const violations = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    expect([...violations, ...problems]).toEqual([]);
    if (p.includes(EMBED_SLUG)) await expect(page.locator('iframe')).toHaveCount(3);
  });
}

test('a reader page runs no framework script, and its inline script answers the theme toggle under the CSP', async ({ page }) => {
  const problems = await watchCsp(page);
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(`${server.url}/`, { waitUntil: 'networkidle' });
  // Reader pages go without React (lib/server/strip-hydration.mjs, ADR 0006): no chunk is fetched,
  // no payload is in the page, nothing hydrates. The live editor keeps React (editors' specs).
  expect(scripts).toEqual([]);
  expect(await page.content()).not.toContain('self.__next_f');
  expect(await page.evaluate(() => Object.keys(document.querySelector('main') ?? {}).some((k) => k.startsWith('__reactFiber')))).toBe(
    false,
  );
  const toggle = page.locator('button[aria-pressed]').first();
  const before = await toggle.getAttribute('aria-pressed');
  await toggle.click();
  await expect(toggle).not.toHaveAttribute('aria-pressed', before ?? '');
  expect(await page.evaluate(() => document.documentElement.getAttribute('data-theme'))).toMatch(/^(dark|light)$/);
  expect(problems).toEqual([]);
});
