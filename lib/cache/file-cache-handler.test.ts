import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { nodeFs } = require('next/dist/server/lib/node-fs-methods.js') as { nodeFs: unknown };
let Handler: typeof import('./file-cache-handler.mjs').default;
let dist: string;
const STATE = Symbol.for('news-rebeat.file-cache');

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'file-cache-'));
  Handler = (await import('./file-cache-handler.mjs')).default;
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** A fresh dist directory and process state, as after a start. */
function server(name: string) {
  const serverDistDir = path.join(dist, name, 'server');
  mkdirSync(serverDistDir, { recursive: true });
  return { serverDistDir, handler: () => new Handler({ fs: nodeFs, serverDistDir, flushToDisk: true, revalidatedTags: [] }) };
}

const key = (p: string) => `/route-cache/APP_PAGE/0123abcd/$${p}`;
const page = (html: string, status = 200) => ({
  kind: 'APP_PAGE',
  html,
  rscData: Buffer.from(`rsc:${html}`),
  headers: {},
  status,
  segmentData: new Map([['/_tree', Buffer.from('tree')]]),
});
const ctx = { cacheControl: { revalidate: 30, expire: 31536000 }, isRoutePPREnabled: false, isFallback: false };

function files(serverDistDir: string): { count: number; bytes: number } {
  let count = 0;
  let bytes = 0;
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else {
        count++;
        bytes += statSync(p).size;
      }
    }
  };
  walk(path.join(serverDistDir, 'route-cache'));
  return { count, bytes };
}

describe('file-system cache handler', () => {
  it('writes nothing for a 404 at an address it never held, and stores one that replaces a page', async () => {
    const { serverDistDir, handler } = server('not-found');
    for (let i = 0; i < 30; i++) await handler().set(key(`/articles/unknown-${i}`), page('not found', 404), ctx);
    expect(files(serverDistDir).count).toBe(0);
    expect(await handler().get(key('/articles/unknown-0'), { kind: 'APP_PAGE' })).toBeNull();

    await handler().set(key('/articles/gone'), page('story'), ctx);
    await handler().set(key('/articles/gone'), page('not found', 404), ctx);
    const got = await handler().get(key('/articles/gone'), { kind: 'APP_PAGE' });
    expect((got?.value as { status: number }).status).toBe(404);
  });

  it('keeps at most ISR_CACHE_MAX_ENTRIES pages on disk, the least recently used out first, across a restart', async () => {
    process.env.ISR_CACHE_MAX_ENTRIES = '3';
    try {
      const { serverDistDir, handler } = server('bounded');
      for (const name of ['a', 'b', 'c']) await handler().set(key(`/articles/${name}`), page(name), ctx);
      await handler().get(key('/articles/a'), { kind: 'APP_PAGE' });
      await handler().set(key('/articles/d'), page('d'), ctx);
      const present = (name: string) => existsSync(path.join(serverDistDir, `${key(`/articles/${name}`)}.html`));
      expect(['a', 'b', 'c', 'd'].map(present)).toEqual([true, false, true, true]);
      expect(existsSync(path.join(serverDistDir, `${key('/articles/b')}.segments`))).toBe(false);
      // .html, .rsc, .meta and one segment each.
      expect(files(serverDistDir).count).toBe(3 * 4);

      // A restart finds the entries on disk and keeps the bound.
      (globalThis as Record<symbol, Map<string, { scanned: Promise<void> }>>)[STATE]!.delete(serverDistDir);
      const restarted = handler();
      await (globalThis as Record<symbol, Map<string, { scanned: Promise<void> }>>)[STATE]!.get(serverDistDir)!.scanned;
      await restarted.set(key('/articles/e'), page('e'), ctx);
      expect(['a', 'c', 'd', 'e'].map(present).filter(Boolean)).toHaveLength(3);
      expect(present('e')).toBe(true);
    } finally {
      delete process.env.ISR_CACHE_MAX_ENTRIES;
    }
  });

  it('keeps at most ISR_CACHE_MAX_MB bytes', async () => {
    process.env.ISR_CACHE_MAX_MB = '0.25';
    try {
      const { serverDistDir, handler } = server('bytes');
      for (let i = 0; i < 10; i++) await handler().set(key(`/articles/big-${i}`), page('x'.repeat(60_000)), ctx);
      expect(files(serverDistDir).bytes).toBeLessThanOrEqual(0.25 * 1024 * 1024);
      expect(files(serverDistDir).count).toBeGreaterThan(0);
    } finally {
      delete process.env.ISR_CACHE_MAX_MB;
    }
  });
});
