import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { PAGE_SIZE } from '../../lib/pagination';
import { generateContent } from '../../scripts/generate-content';
import { startServer, type RunningServer } from '../support/server';

// A few thousand stories, indexed once as `npm run build` does; each server starts on a fresh copy
// of the build (Next's ISR cache empty, as after a deploy) with that index kept.
const COUNT = 3000;
test.setTimeout(8 * 60_000);

let contentDir: string;
let indexDir: string;
let server: RunningServer | undefined;
let worldStories = 0;
const env = () => ({ CONTENT_INDEX_FILE: path.join(indexDir, 'index.sqlite') });

type Health = {
  status: string;
  stories: number;
  index: { rebuiltAtStart: boolean };
  counters: { filesParsed: number; bodiesCompiled: number };
};

test.beforeAll(() => {
  contentDir = mkdtempSync(path.join(tmpdir(), 'news-rebeat-archive-'));
  indexDir = mkdtempSync(path.join(tmpdir(), 'news-rebeat-archive-index-'));
  worldStories = generateContent({ count: COUNT, dir: contentDir }).perSection.world ?? 0;
  const indexed = spawnSync(process.execPath, [path.resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/content-index.mts'], {
    env: { ...process.env, CONTENT_DIR: contentDir, ...env() },
    encoding: 'utf8',
  });
  expect(indexed.status, indexed.stderr + indexed.stdout).toBe(0);
});

test.afterAll(async () => {
  await server?.stop();
  rmSync(contentDir, { recursive: true, force: true });
  rmSync(indexDir, { recursive: true, force: true });
});

async function health(url: string): Promise<Health> {
  const res = await fetch(`${url}/api/health`);
  expect(res.status).toBe(200);
  return (await res.json()) as Health;
}

test('after a restart, an old story, a search and the last listing page parse and compile nothing', async () => {
  for (const round of [1, 2]) {
    server = await startServer({ contentDir, isolated: true, env: env() });
    const before = await health(server.url);
    expect(before).toMatchObject({ status: 'ready', stories: COUNT, index: { rebuiltAtStart: false } });

    // The oldest stories: far from the newest that a build would prerender.
    const story = await fetch(`${server.url}/articles/synthetic-${round}`);
    expect(story.status).toBe(200);
    expect(await story.text()).toContain('</html>');
    const search = await fetch(`${server.url}/search?q=officials`);
    expect(search.status).toBe(200);
    expect(await search.text()).toMatch(/href="\/articles\/synthetic-\d+"/);
    const last = Math.ceil(worldStories / PAGE_SIZE);
    expect(last).toBeGreaterThan(2);
    const deep = await fetch(`${server.url}/world/page/${last}`);
    expect(deep.status).toBe(200);
    expect((await fetch(`${server.url}/world/page/${last + 1}`)).status).toBe(404);

    const after = await health(server.url);
    expect(after.counters).toEqual({ filesParsed: 0, bodiesCompiled: 0 });
    await server.stop();
    server = undefined;
  }
});

test('a deleted index is rebuilt from the files at start, reported by /api/health, with the same archive', async () => {
  rmSync(env().CONTENT_INDEX_FILE, { force: true });
  // Listening is enough: a page would wait for the rebuild.
  server = await startServer({ contentDir, isolated: true, env: env(), waitFor: 'listening' });
  // Not ready (503) until the whole archive is back; then every story is there again.
  let body: Health | undefined;
  const deadline = Date.now() + 5 * 60_000;
  while (Date.now() < deadline) {
    const res = await fetch(`${server.url}/api/health`);
    if (res.status === 200) {
      body = (await res.json()) as Health;
      break;
    }
    expect(res.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(body).toMatchObject({ status: 'ready', stories: COUNT, index: { rebuiltAtStart: true } });
  expect(server.output()).toMatch(/\[content\] index missing .*rebuilding it from/);
  expect((await fetch(`${server.url}/articles/synthetic-7`)).status).toBe(200);
  await server.stop();
  server = undefined;
});
