import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createConnection, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from 'redis';
import { startRedis, type TestRedis } from './redis-server';

// Against a real redis-server (Debian's), as the multi-instance e2e test does.
let redis: TestRedis;
let dist: string;
let Handler: typeof import('./redis-cache-handler.mjs').default;
/** A plain client, to see what the handler left in Redis. */
let client: ReturnType<typeof createClient>;

const STATE = Symbol.for('news-rebeat.redis-cache');
const state = () => (globalThis as unknown as Record<symbol, { up: boolean }>)[STATE]!;

async function until(check: () => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

beforeAll(async () => {
  redis = await startRedis();
  process.env.REDIS_URL = redis.url;
  process.env.REDIS_KEY_PREFIX = `test-${process.pid}`;
  dist = mkdtempSync(path.join(tmpdir(), 'cache-handler-'));
  mkdirSync(path.join(dist, 'server'));
  writeFileSync(path.join(dist, 'BUILD_ID'), 'build-1');
  Handler = (await import('./redis-cache-handler.mjs')).default;
  new Handler({ serverDistDir: path.join(dist, 'server') });
  await until(() => state().up);
  // A later test stops Redis: this client just reconnects.
  client = createClient({ url: redis.url }).on('error', () => undefined);
  await client.connect();
});

afterAll(async () => {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed before connecting
  client?.destroy();
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- unset when beforeAll failed to start redis-server
  await redis?.stop();
  rmSync(dist, { recursive: true, force: true });
});

const page = (html: string) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`rsc:${html}`),
  headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/articles/x' },
  status: 200,
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
});

/** The expiry mark of a tag in Redis, as another instance reads it. */
async function markOf(tag: string) {
  return JSON.parse((await client.hGet(`test-${process.pid}:tags`, tag)) ?? 'null') as { expired?: number } | null;
}

/**
 * Runs `fn` with a handler that has seen Redis answer, then Redis hung (SIGSTOP), a fresh tag and
 * what the handler has logged; Redis is resumed afterwards whatever happens.
 */
async function whileRedisHangs(name: string, fn: (a: InstanceType<typeof Handler>, tag: string, logged: () => string) => Promise<void>) {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    const a = new Handler({ serverDistDir: path.join(dist, 'server') });
    await until(() => state().up, 15_000);
    redis.pause();
    await fn(a, `_N_T_/${name}-${Date.now()}`, () => errors.mock.calls.map(([m]) => String(m)).join('\n'));
  } finally {
    redis.resume();
    errors.mockRestore();
  }
}

describe('Redis cache handler', () => {
  it('an entry one instance stores is read by another, Buffers and Maps intact', async () => {
    const a = new Handler({ serverDistDir: path.join(dist, 'server') });
    const b = new Handler({ serverDistDir: path.join(dist, 'server') });
    await a.set('/articles/x', page('one'), { cacheControl: { revalidate: 30 } });
    const got = (await b.get('/articles/x', { kind: 'APP_PAGE' }))!;
    const value = got.value as ReturnType<typeof page>;
    expect(value.html).toBe('one');
    expect(value.rscData.toString()).toBe('rsc:one');
    expect(value.segmentData.get('/_tree')?.toString()).toBe('tree');
    expect(await b.get('/articles/none', { kind: 'APP_PAGE' })).toBeNull();
  });

  it('another build id never sees the entry', async () => {
    const other = mkdtempSync(path.join(tmpdir(), 'cache-handler-'));
    mkdirSync(path.join(other, 'server'));
    writeFileSync(path.join(other, 'BUILD_ID'), 'build-2');
    const c = new Handler({ serverDistDir: path.join(other, 'server') });
    expect(await c.get('/articles/x', { kind: 'APP_PAGE' })).toBeNull();
    rmSync(other, { recursive: true, force: true });
  });

  it('a tag revalidated on one instance makes the entry a miss on another, until it is stored again', async () => {
    const a = new Handler({ serverDistDir: path.join(dist, 'server') });
    const b = new Handler({ serverDistDir: path.join(dist, 'server') });
    await a.set('/articles/x', page('two'), {});
    await new Promise((r) => setTimeout(r, 5));
    await a.revalidateTag(['_N_T_/articles/x']);
    expect(await b.get('/articles/x', { kind: 'APP_PAGE' })).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    await b.set('/articles/x', page('three'), {});
    expect(((await a.get('/articles/x', { kind: 'APP_PAGE' }))!.value as { html: string }).html).toBe('three');
  });

  it('stores no 404 for an address it never held, and a 404 that replaces a page that went away', async () => {
    const a = new Handler({ serverDistDir: path.join(dist, 'server') });
    const missing = { ...page('not found'), status: 404 };
    const keys = async () => (await client.keys(`${process.env.REDIS_KEY_PREFIX}:build-1:entry:*`)).length;
    const before = await keys();
    for (let i = 0; i < 50; i++) await a.set(`/articles/unknown-${i}`, missing, {});
    expect(await keys()).toBe(before);
    expect(await a.get('/articles/unknown-0', { kind: 'APP_PAGE' })).toBeNull();

    await a.set('/articles/gone', page('was here'), {});
    await a.set('/articles/gone', missing, {});
    expect(((await a.get('/articles/gone', { kind: 'APP_PAGE' }))!.value as { status: number }).status).toBe(404);
  });

  it('keeps at most ISR_CACHE_MAX_ENTRIES entries, deleting the least recently written', async () => {
    process.env.ISR_CACHE_MAX_ENTRIES = '5';
    const other = mkdtempSync(path.join(tmpdir(), 'cache-handler-'));
    mkdirSync(path.join(other, 'server'));
    writeFileSync(path.join(other, 'BUILD_ID'), 'build-bounded');
    try {
      const a = new Handler({ serverDistDir: path.join(other, 'server') });
      for (let i = 0; i < 12; i++) await a.set(`/articles/p${i}`, page(`p${i}`), {});
      const stored = await client.keys(`${process.env.REDIS_KEY_PREFIX}:build-bounded:entry:*`);
      expect(stored.map((k) => k.split(':entry:')[1]).sort()).toEqual([
        '/articles/p10',
        '/articles/p11',
        '/articles/p7',
        '/articles/p8',
        '/articles/p9',
      ]);
      expect(await client.zCard(`${process.env.REDIS_KEY_PREFIX}:build-bounded:index`)).toBe(5);
    } finally {
      delete process.env.ISR_CACHE_MAX_ENTRIES;
      rmSync(other, { recursive: true, force: true });
    }
  });

  it('keeps serving when Redis goes away, logs it once, and shares again when it returns', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const a = new Handler({ serverDistDir: path.join(dist, 'server') });
    await redis.stop();
    await until(() => !state().up);
    // While away: no throw, no wait; entries live in process.
    const started = Date.now();
    await a.set('/world', page('local'), {});
    expect(((await a.get('/world', { kind: 'APP_PAGE' }))!.value as { html: string }).html).toBe('local');
    await new Promise((r) => setTimeout(r, 5));
    await a.revalidateTag('_N_T_/articles/x');
    expect(await a.get('/world', { kind: 'APP_PAGE' })).toBeNull();
    expect(Date.now() - started).toBeLessThan(2000);
    const unavailable = errors.mock.calls.filter(([m]) => String(m).includes('Redis is unavailable'));
    expect(unavailable).toHaveLength(1);

    await redis.start();
    // Reconnection takes up to a couple of seconds (backoff, then RETRY_MS after the last failure).
    const logged = () => errors.mock.calls.map(([m]) => String(m)).join('\n');
    const deadline = Date.now() + 15_000;
    while (!logged().includes('Redis is back') && Date.now() < deadline) {
      await a.set('/world', page('shared'), {});
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(logged()).toContain('Redis is back');
    await a.set('/world', page('shared'), {});
    const b = new Handler({ serverDistDir: path.join(dist, 'server') });
    expect(((await b.get('/world', { kind: 'APP_PAGE' }))!.value as { html: string }).html).toBe('shared');
    errors.mockRestore();
  }, 30_000);

  it('a tag revalidated while Redis hangs (SIGSTOP) reaches Redis once it answers again', async () => {
    await whileRedisHangs('paused', async (a, tag, logged) => {
      const before = Date.now();
      await a.revalidateTag(tag);
      // Not written while Redis is stopped (the handler gave up after REDIS_TIMEOUT_MS).
      expect(state().up).toBe(false);
      redis.resume();
      const deadline = Date.now() + 15_000;
      while (!logged().includes('shared now') && Date.now() < deadline) {
        await a.get('/anything', { kind: 'APP_PAGE' });
        await new Promise((r) => setTimeout(r, 100));
      }
      expect((await markOf(tag))?.expired).toBeGreaterThanOrEqual(before);
    });
  }, 40_000);

  it('shares a mark made while Redis hung as soon as it answers, with no request asking the cache', async () => {
    await whileRedisHangs('quiet', async (a, tag, logged) => {
      await a.revalidateTag(tag);
      expect(state().up).toBe(false);
      await new Promise((r) => setTimeout(r, 1_500));
      redis.resume();
      // No get or set from here: only the handler's own asking can find Redis back.
      await until(() => logged().includes('shared now'), 5_000);
      expect((await markOf(tag))?.expired).toBeGreaterThan(0);
      expect(state().up).toBe(true);
    });
  }, 40_000);

  it('replaces a connection that stops answering instead of waiting on it for ever', async () => {
    // A loopback proxy in front of Redis that can silence the connections it already carries: what
    // node-redis is left with when Redis dies during its handshake (ready, but nothing comes back).
    const carried: { client: Socket; silent: boolean }[] = [];
    const proxy = createServer((client) => {
      const link = { client, silent: false };
      carried.push(link);
      const upstream = createConnection({ host: '127.0.0.1', port: redis.port });
      client.on('data', (d) => link.silent || upstream.write(d));
      upstream.on('data', (d) => link.silent || client.write(d));
      const close = () => (client.destroy(), upstream.destroy());
      client.on('close', close).on('error', close);
      upstream.on('close', close).on('error', close);
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const port = (proxy.address() as { port: number }).port;

    const g = globalThis as unknown as Record<symbol, unknown>;
    const previous = g[STATE];
    const url = process.env.REDIS_URL;
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- removes the handler's global state (a fixed symbol key) so a new handler starts afresh
    delete g[STATE];
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const a = new Handler({ serverDistDir: path.join(dist, 'server') });
      await until(() => state().up);
      await a.set('/silent', page('through redis'), {});
      const html = async () => ((await a.get('/silent', { kind: 'APP_PAGE' }))?.value as { html: string } | undefined)?.html;
      expect(await html()).toBe('through redis');

      for (const link of carried) link.silent = true;
      const started = Date.now();
      expect(await html()).toBeUndefined(); // not in process: it was stored in Redis
      expect(Date.now() - started).toBeLessThan(2000);

      const deadline = Date.now() + 10_000;
      let seen: string | undefined;
      while (seen !== 'through redis' && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 200));
        seen = await html();
      }
      expect(seen).toBe('through redis');
      expect(carried.filter((l) => !l.silent).length).toBeGreaterThan(0);
    } finally {
      errors.mockRestore();
      (g[STATE] as { client: { destroy: () => void } } | undefined)?.client.destroy();
      g[STATE] = previous;
      process.env.REDIS_URL = url;
      for (const link of carried) link.client.destroy();
      await new Promise((r) => proxy.close(r));
    }
  }, 30_000);
});
