import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { copyContent, startServer, writeTestStory, type RunningServer } from '../support/server';

// What happens by itself, with no push and no rebuild, over the 30 s revalidation window
// (docs/architecture/0003-isr-windows.md): a broken file keeps its last good page, and a
// scheduled story appears when its time comes.
const WINDOW_MS = 30_000;
test.describe.configure({ mode: 'serial' });
test.setTimeout(5 * WINDOW_MS);

let server: RunningServer;
let contentDir: string;
let scheduledSlug: string;
let scheduledAt: number;

const MDX_BROKEN = 'velmora-ostrand-border-crossings-reopen';
const YAML_BROKEN = 'serrin-delta-flooding-aid-convoys';
const HEALTHY = 'putin-lukashenko-summit-novo-ogaryovo';

test.beforeAll(async () => {
  contentDir = copyContent();
  server = await startServer({ contentDir, isolated: true });
});

test.afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined at run time when beforeAll failed before starting it; the declared type is the tests' view
  await server?.stop();
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

async function get(pathname: string) {
  const response = await fetch(`${server.url}${pathname}`);
  return { status: response.status, text: await response.text(), cache: response.headers.get('x-nextjs-cache') };
}

async function poll(pathname: string, until: (r: Awaited<ReturnType<typeof get>>) => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = await get(pathname);
  while (!until(last) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    last = await get(pathname);
  }
  return last;
}

const storyFile = (slug: string) => path.join(contentDir, 'articles', `${slug}.mdx`);

test('a published story whose file breaks keeps serving its last good version; other pages are fine', async () => {
  // Let both pages regenerate from the good files first, so a fresh good version is cached.
  for (const slug of [MDX_BROKEN, YAML_BROKEN]) {
    expect((await poll(`/articles/${slug}`, (r) => r.cache === 'HIT', WINDOW_MS)).status).toBe(200);
  }
  const goodTitle = 'Velmora and Ostrand agree to reopen border crossings';
  const brokenAt = Date.now();
  writeFileSync(storyFile(MDX_BROKEN), `${readFileSync(storyFile(MDX_BROKEN), 'utf8')}\nLeaked: {process.env.HOME}\n`);
  writeFileSync(storyFile(YAML_BROKEN), readFileSync(storyFile(YAML_BROKEN), 'utf8').replace(/^title: .*$/m, 'title: [unclosed'));

  // After the window, requests start background regenerations, which fail: Next keeps the last good page.
  await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 2000 - (Date.now() - brokenAt)));
  const refused = (slug: string) => server.output().includes(`story ${slug} has errors; its last good page stays`);
  const deadline = Date.now() + 2 * WINDOW_MS;
  let roundsAfterRefusal = 0;
  // Keep asking until both regenerations were attempted and refused (so the test saw the failure
  // path, not just a cache), and a few times after that.
  while (roundsAfterRefusal < 3 && Date.now() < deadline) {
    const mdx = await get(`/articles/${MDX_BROKEN}`);
    expect(mdx.status).toBe(200);
    expect(mdx.text).toContain(goodTitle);
    expect(mdx.text).not.toContain('Leaked:');
    const yaml = await get(`/articles/${YAML_BROKEN}`);
    expect(yaml.status).toBe(200);
    expect(yaml.text).toContain('Serrin');
    if (refused(MDX_BROKEN) && refused(YAML_BROKEN)) roundsAfterRefusal++;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  expect(refused(MDX_BROKEN)).toBe(true);
  expect(refused(YAML_BROKEN)).toBe(true);
  expect(roundsAfterRefusal).toBe(3);
  // One logged error per broken file, naming file, line and what is wrong.
  const logged = server
    .output()
    .split('\n')
    .filter((l) => l.includes('[content] left out'));
  expect(logged.filter((l) => l.includes(`${MDX_BROKEN}.mdx:`))).toEqual([
    expect.stringMatching(new RegExp(`${MDX_BROKEN}\\.mdx:\\d+:9 body: JavaScript expressions are not allowed`)),
  ]);
  expect(logged.filter((l) => l.includes(`${YAML_BROKEN}.mdx:`))).toHaveLength(1);

  for (const pathname of ['/', '/world', `/articles/${HEALTHY}`, '/authors/mark-jones']) {
    expect((await get(pathname)).status, pathname).toBe(200);
  }
});

test('a scheduled story appears by itself when its time comes', async () => {
  scheduledSlug = `scheduled-${Date.now()}`;
  scheduledAt = Date.now() + 12_000;
  const title = `Port Calder lights the harbour at dusk (${scheduledSlug})`;
  writeTestStory(contentDir, scheduledSlug, {
    title,
    dek: 'A story scheduled a few seconds ahead by the end-to-end tests.',
    publishedAt: new Date(scheduledAt),
    body: 'The lamps came on at six.',
  });
  // Before its time: not on the site, not listed.
  expect((await get(`/articles/${scheduledSlug}`)).status).toBe(404);
  expect((await poll('/', (r) => r.cache === 'HIT', WINDOW_MS)).text).not.toContain(scheduledSlug);
  expect(Date.now()).toBeLessThan(scheduledAt);

  // No push, no build: within the window after its time it is served and listed.
  const story = await poll(`/articles/${scheduledSlug}`, (r) => r.status === 200, 3 * WINDOW_MS);
  expect(story.status).toBe(200);
  expect(story.text).toContain('The lamps came on at six.');
  const front = await poll('/', (r) => r.text.includes(scheduledSlug), 2 * WINDOW_MS);
  expect(front.text).toContain(`/articles/${scheduledSlug}`);
  expect(Date.now()).toBeGreaterThan(scheduledAt);
});
