import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { axeViolations } from '../fixtures';
import { copyContent, startServer, type RunningServer } from '../support/server';

// Editors' tools against a production server on a temporary copy of the content:
// push-to-publish, preview, the safety of MDX, and the live editor.
const PREVIEW_SECRET = `preview-${Date.now()}`;
const REVALIDATE_SECRET = `revalidate-${Date.now()}-secret`;

test.describe.configure({ mode: 'serial' });
test.setTimeout(120_000);

/** What the tests read of the webhook's answer. */
type RevalidateAnswer = { revalidated: string[] };

let server: RunningServer;
let contentDir: string;

test.beforeAll(async () => {
  contentDir = copyContent();
  server = await startServer({ contentDir, isolated: true, env: { PREVIEW_SECRET, REVALIDATE_SECRET } });
});

test.afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined at run time when beforeAll failed before starting it; the declared type is the tests' view
  await server?.stop();
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

function writeStory(slug: string, fields: Record<string, string>, body: string) {
  const front = {
    title: `"Story ${slug}"`,
    dek: 'A story written by the end-to-end tests.',
    section: 'business',
    tags: '[Port Calder]',
    authors: '[ines-okafor]',
    publishedAt: new Date(Date.now() - 60_000).toISOString(),
    sample: 'true',
    ...fields,
  };
  const lines = ['---', ...Object.entries(front).map(([k, v]) => `${k}: ${v}`), '---', '', body, ''];
  writeFileSync(path.join(contentDir, 'articles', `${slug}.mdx`), lines.join('\n'));
}

function signedPush(files: string[], secret: string) {
  const body = JSON.stringify({ ref: 'refs/heads/main', commits: [{ added: files, modified: [], removed: [] }] });
  return {
    method: 'POST',
    body,
    headers: {
      'content-type': 'application/json',
      'x-github-event': 'push',
      'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`,
    },
  };
}

async function html(url: string) {
  const response = await fetch(url);
  return { status: response.status, text: await response.text(), cache: response.headers.get('x-nextjs-cache') };
}

/** Waits until a page is served fresh from the cache (regenerated now, so its window just started). */
async function warm(url: string) {
  for (let i = 0; i < 60; i++) {
    if ((await html(url)).cache === 'HIT') return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} never became a fresh cache hit`);
}

test('a wrongly signed webhook changes nothing; a correctly signed one publishes on the next request', async () => {
  const slug = `pushed-${Date.now()}`;
  await warm(`${server.url}/`);
  await warm(`${server.url}/business`);
  writeStory(slug, { title: `"Pushed story ${slug}"` }, 'The quay reopened on Monday.');

  const wrong = await fetch(`${server.url}/api/revalidate`, signedPush([`content/articles/${slug}.mdx`], 'not-the-secret'));
  expect(wrong.status).toBe(401);
  expect(((await wrong.json()) as { error: string }).error).toMatch(/X-Hub-Signature-256 does not match/);
  // Still within the 30 s window of the fresh pages: without a revalidation they do not change.
  expect((await html(`${server.url}/`)).text).not.toContain(slug);
  expect((await html(`${server.url}/business`)).text).not.toContain(slug);

  const right = await fetch(`${server.url}/api/revalidate`, signedPush([`content/articles/${slug}.mdx`], REVALIDATE_SECRET));
  expect(right.status).toBe(200);
  const result = (await right.json()) as RevalidateAnswer;
  expect(result.revalidated).toEqual(
    expect.arrayContaining([
      '/',
      `/articles/${slug}`,
      '/business',
      '/business/feed.xml',
      '/tags/port-calder',
      '/authors/ines-okafor',
      '/feed.xml',
      '/sitemap.xml',
    ]),
  );
  expect(result.revalidated).not.toContain('/articles/putin-lukashenko-summit-novo-ogaryovo'); // another section, no shared tag

  const front = await html(`${server.url}/`);
  expect(front.text).toContain(`/articles/${slug}`);
  expect((await html(`${server.url}/business`)).text).toContain(`Pushed story ${slug}`);
  expect((await html(`${server.url}/tags/port-calder`)).status).not.toBe(500);
  const story = await html(`${server.url}/articles/${slug}`);
  expect(story.status).toBe(200);
  expect(story.text).toContain('The quay reopened on Monday.');
});

test('a push that deletes a story takes it off the site at once', async () => {
  const gone = 'velmora-central-bank-holds-rates';
  await warm(`${server.url}/articles/${gone}`);
  await warm(`${server.url}/`);
  expect((await html(`${server.url}/`)).text).toContain(`/articles/${gone}`);
  rmSync(path.join(contentDir, 'articles', `${gone}.mdx`));
  const response = await fetch(`${server.url}/api/revalidate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${REVALIDATE_SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ files: [`content/articles/${gone}.mdx`] }),
  });
  expect(response.status).toBe(200);
  // The file is gone, so the story's section and tags came from what the index knew of it.
  expect(((await response.json()) as RevalidateAnswer).revalidated).toEqual(
    expect.arrayContaining([`/articles/${gone}`, '/business', '/tags/velmora']),
  );
  expect((await html(`${server.url}/articles/${gone}`)).status).toBe(404);
  expect((await html(`${server.url}/`)).text).not.toContain(`/articles/${gone}`);
});

test('the webhook refuses what it must with a clear 4xx', async () => {
  const url = `${server.url}/api/revalidate`;
  const bearer = { authorization: `Bearer ${REVALIDATE_SECRET}` };
  expect((await fetch(url)).status).toBe(405);
  expect((await fetch(url, { method: 'POST', body: '{"files":[]}', headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
  expect((await fetch(url, { method: 'POST', body: '{"files": [', headers: bearer })).status).toBe(400);
  const big = await fetch(url, { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1), headers: bearer });
  expect(big.status).toBe(413);
});

test('preview shows a draft and a scheduled story only with the secret, with a banner and an exit link', async ({ page }) => {
  const draft = `draft-${Date.now()}`;
  const scheduled = `scheduled-later-${Date.now()}`;
  // Same section, tag and author as a published story, so they would share its lists.
  const byline = { authors: '[tomasz-wren]' };
  writeStory(draft, { ...byline, title: `"Draft ${draft}"`, draft: 'true' }, 'Not ready for readers.');
  writeStory(scheduled, { ...byline, title: `"Scheduled ${scheduled}"`, publishedAt: '2999-01-01T09:00:00+00:00' }, 'Coming later.');

  expect((await page.goto(`${server.url}/articles/${draft}`))?.status()).toBe(404);
  expect((await page.goto(`${server.url}/articles/${scheduled}`))?.status()).toBe(404);
  // Regenerate the lists the draft would be on (a public story in the same section, tag and author)...
  const push = await fetch(`${server.url}/api/revalidate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${REVALIDATE_SECRET}` },
    body: JSON.stringify({
      files: [
        `content/articles/${draft}.mdx`,
        `content/articles/${scheduled}.mdx`,
        'content/articles/port-calder-shipyard-electric-ferries.mdx',
      ],
    }),
  });
  expect(((await push.json()) as RevalidateAnswer).revalidated).toEqual(
    expect.arrayContaining(['/', '/business', '/tags/port-calder', '/authors/tomasz-wren', '/feed.xml']),
  );
  // ...and they still leave out the draft and the scheduled story.
  for (const list of ['/', '/business', '/authors/tomasz-wren']) {
    const text = (await html(`${server.url}${list}`)).text;
    expect(text, list).toContain('/articles/port-calder-shipyard-electric-ferries');
    expect(text, list).not.toContain(draft);
    expect(text, list).not.toContain(scheduled);
  }
  expect((await fetch(`${server.url}/api/preview?path=/articles/${draft}`)).status).toBe(401);
  expect((await fetch(`${server.url}/api/preview?secret=wrong&path=/articles/${draft}`)).status).toBe(401);
  const offSite = await fetch(`${server.url}/api/preview?secret=${PREVIEW_SECRET}&path=//evil.example/`, { redirect: 'manual' });
  expect(offSite.status).toBe(400);
  expect(offSite.headers.get('location')).toBeNull();

  const entered = await page.goto(`${server.url}/api/preview?secret=${PREVIEW_SECRET}&path=/articles/${draft}`);
  expect(entered?.status()).toBe(200);
  // Preview has its own addresses, which the public cache never serves (deploy/nginx.conf).
  expect(page.url()).toBe(`${server.url}/preview/articles/${draft}`);
  await expect(page.locator('h1')).toHaveText(`Draft ${draft}`);
  const banner = page.getByRole('region', { name: 'Preview' });
  await expect(banner).toContainText('Draft: readers cannot see this story');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  expect(await axeViolations(page)).toEqual([]);

  await page.goto(`${server.url}/articles/${scheduled}`);
  await expect(page.getByRole('region', { name: 'Preview' })).toContainText('Scheduled: readers will see this story from 1 January 2999');

  await page.getByRole('link', { name: 'Exit preview' }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  expect((await page.goto(`${server.url}/articles/${draft}`))?.status()).toBe(404);
});

test('a malicious story renders nothing of itself, and the content check fails on it', async ({ page }) => {
  const slug = `malicious-${Date.now()}`;
  writeStory(
    slug,
    {},
    [
      'Secret: {process.env.REVALIDATE_SECRET}',
      '',
      'export const passwd = require("node:fs").readFileSync("/etc/passwd", "utf8")',
      '',
      '<script>document.title = "pwned"</script>',
      '',
      '<img src="x" onerror="document.title = \'pwned\'" />',
    ].join('\n'),
  );
  const response = await page.goto(`${server.url}/articles/${slug}`);
  // It never had a good version: not a story readers can reach, exactly like an unknown address.
  expect(response?.status()).toBe(404);
  const served = await page.content();
  expect(served).not.toContain(REVALIDATE_SECRET);
  expect(served).not.toContain('root:x:0:0');
  expect(served).not.toContain('Secret:');
  expect(await page.title()).not.toBe('pwned');
  await warm(`${server.url}/`);
  expect((await html(`${server.url}/`)).text).not.toContain(slug);
  expect(server.output()).toContain(`articles/${slug}.mdx:11:9 body: JavaScript expressions are not allowed in stories`);

  const run = promisify(execFile);
  const check = await run('npm', ['run', '-s', 'content:check'], { env: { ...process.env, CONTENT_DIR: contentDir } }).then(
    () => ({ code: 0, stdout: '' }),
    (e: unknown) => e as { code: number; stdout: string },
  );
  expect(check.code).toBe(1);
  expect(check.stdout).toContain(`articles/${slug}.mdx:11:9 body: JavaScript expressions are not allowed in stories`);
  expect(check.stdout).toContain(`articles/${slug}.mdx:13:1 body: import and export statements are not allowed`);
  expect(check.stdout).toContain(`articles/${slug}.mdx:15:1 body: HTML elements such as <script> are not allowed`);
});

test('a new story whose front matter breaks answers 404, never 500, and appears once it is fixed', async () => {
  const slug = `broken-front-${Date.now()}`;
  writeStory(slug, { publishedAt: 'not a date' }, 'A body that is fine on its own.');
  expect((await html(`${server.url}/articles/${slug}`)).status).toBe(404);
  writeStory(slug, {}, 'A body that is fine on its own.');
  await expect.poll(async () => (await html(`${server.url}/articles/${slug}`)).status, { timeout: 10_000 }).toBe(200);
});

test('the live editor: behind preview, noindex, eval allowed on that page only, renders MDX and shows the check', async ({ page }) => {
  expect((await page.goto(`${server.url}/preview/editor`))?.status()).toBe(404);
  const story = await page.goto(`${server.url}/articles/putin-lukashenko-summit-novo-ogaryovo`);
  // Every page has the site CSP (lib/security/headers.ts); only the editor's allows eval.
  expect(story?.headers()['content-security-policy']).not.toContain('unsafe-eval');
  const storyScripts = await page.locator('script[src]').evaluateAll((s) => s.map((x) => x.getAttribute('src')));

  await page.goto(`${server.url}/api/preview?secret=${PREVIEW_SECRET}&path=/preview/editor`);
  const editor = await page.goto(`${server.url}/preview/editor`);
  expect(editor?.status()).toBe(200);
  const csp = editor?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("'unsafe-eval'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(editor?.headers()['x-robots-tag']).toBe('noindex, nofollow');
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  const editorScripts = await page.locator('script[src]').evaluateAll((s) => s.map((x) => x.getAttribute('src')));
  const editorOnly = editorScripts.filter((src) => !storyScripts.includes(src));
  expect(editorOnly.length).toBeGreaterThan(0); // the compiler and editor load here, not on story pages

  const source = page.getByLabel('Front matter and body (MDX)');
  const front = [
    '---',
    'title: Live headline',
    'dek: A live dek.',
    'section: world',
    'authors: [mark-jones]',
    'publishedAt: 2024-05-01T10:00:00+00:00',
    '---',
    '',
  ].join('\n');
  await source.fill(
    `${front}Fewer than <5% of ferries were late.\n\n<PullQuote cite="A harbour pilot">The tide waits for no one.</PullQuote>\n`,
  );
  const preview = page.getByRole('region', { name: 'How it will read' });
  await expect(preview.getByText('The tide waits for no one.')).toBeVisible();
  await expect(preview.getByText('A harbour pilot')).toBeVisible();
  await expect(preview.getByText('Fewer than <5% of ferries were late.')).toBeVisible();
  await expect(preview.getByText('Live headline')).toBeVisible();
  await expect(page.getByText('No problems: the content check passes')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await source.fill(`${front}Hello {process.env.REVALIDATE_SECRET}\n\n[broken](/articles/no-such-story)\n`);
  const problems = page.getByTestId('problems');
  await expect(problems).toContainText('content/articles/new-story.mdx:8:7 body: JavaScript expressions are not allowed in stories');
  await expect(problems).toContainText('got "/articles/no-such-story"');
  await expect(preview.getByRole('alert')).toContainText('line 8, column 7: JavaScript expressions are not allowed');
  expect(await page.content()).not.toContain(REVALIDATE_SECRET);
});

test('the live editor writes live updates too: it opens one, previews it as the live page shows it, and checks it', async ({ page }) => {
  await page.goto(`${server.url}/api/preview?secret=${PREVIEW_SECRET}&path=/preview/editor`);
  await page.goto(`${server.url}/preview/editor?live=storm-halvard-live&update=coverage-ends`);
  await expect(page.getByRole('radio', { name: 'An update to live coverage' })).toBeChecked();
  await expect(page.getByLabel(/^Live story/)).toHaveValue('storm-halvard-live');
  await expect(page.getByLabel(/^Update id/)).toHaveValue('coverage-ends');
  const source = page.getByLabel('Front matter and body (MDX)');
  await expect(source).toHaveValue(/^---\ntime: 2023-02-15T21:30:00\+00:00\ntitle: "Coverage has ended: what we know"/);
  const preview = page.getByRole('region', { name: 'How it will read' });
  await expect(preview.getByText('Coverage has ended: what we know')).toBeVisible();
  await expect(preview.locator('time')).toHaveAttribute('datetime', '2023-02-15T21:30:00+00:00');
  await expect(page.getByText('No problems: the content check passes')).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // A new key update with a mistake in each place the check looks: its folder, an author, a link.
  await page.getByLabel(/^Live story/).fill('putin-lukashenko-summit-novo-ogaryovo');
  await page.getByLabel(/^Update id/).fill('troops-move');
  await source.fill(
    '---\ntime: 2024-05-01T10:00:00+00:00\ntitle: Troops move north\nkey: true\nauthors: [nobody]\n---\n\nSee [this](/articles/no-such-story).\n',
  );
  await expect(preview.getByText('Key event')).toBeVisible();
  await expect(preview.getByText('Troops move north')).toBeVisible();
  const problems = page.getByTestId('problems');
  const file = 'content/live/putin-lukashenko-summit-novo-ogaryovo/troops-move.mdx';
  await expect(problems).toContainText(`${file}:1:1 story: expected live: front matter`);
  await expect(problems).toContainText(`${file}:5:11 authors.0: expected the id of a file in content/authors/`);
  await expect(problems).toContainText(`${file}:8:5 body: expected a link to an existing story`);

  // Back to the story: its own text was kept while the update was written.
  await page.getByRole('radio', { name: 'A story' }).check();
  await expect(page.getByLabel(/^File name/)).toHaveValue('new-story');
  await expect(source).toHaveValue(/^---\ntitle: Your headline here/);
});
