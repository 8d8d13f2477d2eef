import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { startRedis, type TestRedis } from '../../lib/cache/redis-server';
import { copyContent, startServer, writeTestStory, type RunningServer } from '../support/server';

// Two `next start` instances on one content directory and one Redis (Debian's redis-server): a
// story published through instance A's webhook is on instance B's section front at the next
// request, although B had that front cached; with Redis gone both keep answering 200.
const REVALIDATE_SECRET = `multi-${Date.now()}-secret`;

test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

/** What the tests read of the webhook's answer. */
type RevalidateAnswer = { revalidated: string[] };

let redis: TestRedis;
let a: RunningServer;
let b: RunningServer;
let contentDir: string;

test.beforeAll(async () => {
  redis = await startRedis();
  contentDir = copyContent();
  const env = { REDIS_URL: redis.url, REDIS_KEY_PREFIX: `e2e-${Date.now()}`, REVALIDATE_SECRET };
  a = await startServer({ contentDir, isolated: true, env });
  b = await startServer({ contentDir, isolated: true, env });
});

test.afterAll(async () => {
  /* eslint-disable @typescript-eslint/no-unnecessary-condition -- each is undefined at run time when beforeAll failed before starting it: the declared type is the tests' view */
  await a?.stop();
  await b?.stop();
  await redis?.stop();
  /* eslint-enable @typescript-eslint/no-unnecessary-condition -- only for the stops above */
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

function writeStory(slug: string, title: string) {
  writeTestStory(contentDir, slug, {
    title,
    dek: 'A story written by the multi-instance end-to-end test.',
    publishedAt: new Date(Date.now() - 5_000),
    body: 'Published on one instance, served by the other.',
  });
}

async function publishThrough(server: RunningServer, slug: string) {
  const res = await fetch(`${server.url}/api/revalidate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${REVALIDATE_SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ files: [`content/articles/${slug}.mdx`] }),
  });
  expect(res.status).toBe(200);
  expect(((await res.json()) as RevalidateAnswer).revalidated).toContain('/world');
}

const text = async (url: string) => {
  const res = await fetch(url);
  return { status: res.status, body: await res.text() };
};

test('a story published through instance A is on instance B at the next request', async () => {
  // Both instances have the section front cached (in Redis) before the story exists.
  for (const server of [a, b]) expect((await text(`${server.url}/world`)).status).toBe(200);
  const slug = `multi-instance-${Date.now()}`;
  const title = `Shared cache story ${Date.now()}`;
  expect((await text(`${b.url}/world`)).body).not.toContain(title);

  writeStory(slug, title);
  await publishThrough(a, slug);

  const front = await text(`${b.url}/world`);
  expect(front.status).toBe(200);
  expect(front.body).toContain(title);
  const story = await text(`${b.url}/articles/${slug}`);
  expect(story.status).toBe(200);
  expect(story.body).toContain(title);
});

test('with Redis stopped both instances answer 200, log it once, and share again when it returns', async () => {
  await redis.stop();
  for (let round = 0; round < 3; round++) {
    for (const server of [a, b]) {
      for (const p of ['/', '/world', '/articles/ardmoor-participatory-budget', '/feed.xml']) {
        expect((await fetch(`${server.url}${p}`)).status, `${server.url}${p} without Redis`).toBe(200);
      }
    }
  }
  for (const server of [a, b]) {
    const lines = server
      .output()
      .split('\n')
      .filter((l) => l.includes('[cache]'));
    expect(
      lines.filter((l) => l.includes('Redis is unavailable')),
      lines.join('\n'),
    ).toHaveLength(1);
  }

  await redis.start();
  // Each instance tries Redis again on its next cache access (at most 2 s after its last failure).
  await expect
    .poll(
      async () => {
        for (const server of [a, b]) await fetch(`${server.url}/world`);
        return a.output().includes('Redis is back') && b.output().includes('Redis is back');
      },
      { timeout: 30_000, message: 'both instances log that Redis is back' },
    )
    .toBe(true)
    .catch((e: unknown) => {
      throw new Error(
        `${e instanceof Error ? e.message : String(e)}\n${[a, b]
          .map((s) =>
            s
              .output()
              .split('\n')
              .filter((l) => /cache|rror/.test(l))
              .join('\n'),
          )
          .join('\n---\n')}`,
      );
    });
  // Redis came back empty: B caches its front there again, then A publishes.
  const before = await text(`${b.url}/world`);
  expect(before.status).toBe(200);
  const slug = `multi-instance-back-${Date.now()}`;
  const title = `Back in the shared cache ${Date.now()}`;
  writeStory(slug, title);
  await publishThrough(a, slug);
  expect((await text(`${b.url}/world`)).body).toContain(title);
});
