import { rmSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  type HostileRequest,
  hostileRequests,
  hostileWebhookRequests,
  LEAK_MARKERS,
  REDIRECT_SPELLINGS,
  renditionIn,
  sendBare,
  sendRaw,
} from '../support/hostile';
import { copyContent, startServer, type RunningServer } from '../support/server';

// A production server meets what the internet sends it: every answer is a 4xx or a normal page,
// never a 5xx, and never anything from outside the content directory.
const REVALIDATE_SECRET = `hostile-${Date.now()}-secret`;

test.describe.configure({ mode: 'serial' });
test.setTimeout(300_000);

let server: RunningServer;
let contentDir: string;

test.beforeAll(async () => {
  contentDir = copyContent();
  server = await startServer({ contentDir, isolated: true, env: { REVALIDATE_SECRET } });
});

test.afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- undefined at run time when beforeAll failed before starting it; the declared type is the tests' view
  await server?.stop();
  if (contentDir) rmSync(contentDir, { recursive: true, force: true });
});

async function walk(list: HostileRequest[]): Promise<string[]> {
  const failures: string[] = [];
  // Four at a time: hostile, but not a load test.
  for (let i = 0; i < list.length; i += 4) {
    await Promise.all(
      list.slice(i, i + 4).map(async (req) => {
        let res;
        try {
          res = await sendRaw(server.url, req);
        } catch (e) {
          failures.push(`${req.label}: ${(e as Error).message}`);
          return;
        }
        const okStatus =
          (res.status >= 200 && res.status < 300) || (res.status >= 300 && res.status < 400) || (res.status >= 400 && res.status < 500);
        if (!okStatus) failures.push(`${req.label}: ${req.method} ${req.path.slice(0, 100)} -> ${res.status}`);
        for (const marker of [...LEAK_MARKERS, REVALIDATE_SECRET]) {
          if (res.body.includes(marker)) failures.push(`${req.label}: body contains ${JSON.stringify(marker)}`);
        }
      }),
    );
  }
  return failures;
}

test('hundreds of hostile page requests get a 4xx or a normal page, never a 5xx or a leak', async () => {
  const list = hostileRequests();
  expect(list.length).toBeGreaterThan(300);
  expect(await walk(list)).toEqual([]);
  // The server is still healthy afterwards.
  expect((await fetch(`${server.url}/`)).status).toBe(200);
});

test('oversized and malformed webhook bodies are refused with a 4xx and change nothing', async () => {
  const list = hostileWebhookRequests(REVALIDATE_SECRET);
  expect(await walk(list)).toEqual([]);
  const tooLarge = await sendRaw(server.url, list[0]!);
  expect(tooLarge.status).toBe(413);
  expect((await fetch(`${server.url}/articles/ardmoor-participatory-budget`)).status).toBe(200);
});

test('preview redirects stay on the site, and other spellings of a picture are a 404, never made', async () => {
  for (const spelling of REDIRECT_SPELLINGS) {
    const exit = await sendRaw(server.url, { method: 'GET', path: `/api/preview/exit?path=${spelling}`, label: spelling });
    expect([exit.status, exit.headers.location], spelling).toEqual([307, '/']);
  }
  const rendition = renditionIn(await (await fetch(`${server.url}/articles/ardmoor-participatory-budget`)).text());
  for (const path of [
    rendition.replace(/\/([^/]+)$/, '%2F$1'),
    rendition.replace(/\/([^/]+)$/, '/..%2F$1'),
    rendition.replace(/\.(\w+)$/, '.png'),
    '/media/0123456789abcdef/16x9-480.avif',
    '/_next/image?url=/images/./samples/ferry-yard.jpg&w=640&q=75',
  ]) {
    const res = await sendRaw(server.url, { method: 'GET', path, label: path });
    // A 404 that says no-store: no rendition, no optimised copy, nothing for a cache to keep. (A
    // `%2F` in the key's segment matches no route: Next's own 404 page, which says no-store too.)
    expect([res.status, /\bno-store\b/.test(String(res.headers['cache-control']))], path).toEqual([404, true]);
  }
});

test('a traversal slug is a 404 page, not a file', async () => {
  for (const path of ['/articles/..%2f..%2f..%2fetc%2fpasswd', '/articles/%2e%2e%2f%2e%2e%2fpackage.json', '/articles/%00']) {
    const res = await sendRaw(server.url, { method: 'GET', path, label: path });
    expect(res.status, path).toBe(404);
  }
});

test('pages answer only GET and HEAD: a request with a body gets a 405, a bodyless one the cached page, the webhook keeps POST', async () => {
  for (const path of ['/', '/world', '/articles/ardmoor-participatory-budget', '/feed.xml']) {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      const withBody = (headers: Record<string, string>) =>
        sendRaw(server.url, { method, path, headers, body: Buffer.from('x'), label: path });
      const sized = await withBody({ 'content-type': 'text/plain' });
      expect(sized.status, `${method} ${path} with a body`).toBe(405);
      expect(sized.headers.allow, `${method} ${path}`).toBe('GET, HEAD');
      const chunked = await withBody({ 'transfer-encoding': 'chunked' });
      expect(chunked.status, `${method} ${path} with a chunked body`).toBe(405);
    }
    expect((await sendRaw(server.url, { method: 'HEAD', path, label: path })).status, `HEAD ${path}`).toBe(200);
  }
  // The proxy runs only for requests with a body (ADR 0009): a write with no body and no body
  // headers is read from the ISR cache like a GET, so it can neither change a page nor make the
  // server render one. (`Content-Length: 0` counts as a body header: 405.)
  // (Next itself answers one on a page with no parameters, such as the front page, with a 405.)
  for (const path of ['/world', '/articles/ardmoor-participatory-budget', '/tags/defence']) {
    const bodyless = await sendBare(server.url, 'DELETE', path);
    expect(bodyless.status, `bodyless DELETE ${path}`).toBe(200);
    expect(['HIT', 'STALE'], `bodyless DELETE ${path}`).toContain(bodyless.headers['x-nextjs-cache']);
  }
  const hook = await sendRaw(server.url, {
    method: 'POST',
    path: '/api/revalidate',
    headers: { 'content-type': 'application/json' },
    body: Buffer.from('{}'),
    label: 'webhook',
  });
  expect(hook.status).toBe(401);
});
