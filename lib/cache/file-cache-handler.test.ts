import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const require = createRequire(import.meta.url);
const { nodeFs } = require('next/dist/server/lib/node-fs-methods.js') as {
  nodeFs: { writeFile: (f: string, d: unknown) => Promise<void> };
};
let Handler: typeof import('./file-cache-handler.mjs').default;
let dist: string;
const STATE = Symbol.for('news-rebeat.file-cache');

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'file-cache-'));
  Handler = (await import('./file-cache-handler.mjs')).default;
});

afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** A fresh dist directory and process state, as after a start. */
function server(name: string, fs: unknown = nodeFs) {
  const serverDistDir = path.join(dist, name, 'server');
  mkdirSync(serverDistDir, { recursive: true });
  return { serverDistDir, handler: () => new Handler({ fs, serverDistDir, flushToDisk: true, revalidatedTags: [] }) };
}

/** Every file under the route cache, relative. */
function names(serverDistDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(serverDistDir, p));
    }
  };
  walk(path.join(serverDistDir, 'route-cache'));
  return out;
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

  it('writes each file beside itself and renames it over: a write cut halfway leaves the old page whole', async () => {
    let cut = false;
    // A disk that fills up during the second write of an entry: half the bytes, then ENOSPC.
    const failing = {
      ...nodeFs,
      writeFile: async (file: string, data: string | Buffer) => {
        if (!cut) return nodeFs.writeFile(file, data);
        writeFileSync(file, String(data).slice(0, 10));
        throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
      },
    };
    const { serverDistDir, handler } = server('atomic', failing);
    await handler().set(key('/articles/whole'), page('<html>old</html>'), ctx);
    const html = path.join(serverDistDir, `${key('/articles/whole')}.html`);
    expect(readFileSync(html, 'utf8')).toBe('<html>old</html>');
    cut = true;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await handler().set(key('/articles/whole'), page('<html>new and longer</html>'), ctx);
      await handler().set(key('/articles/other'), page('<html>other</html>'), ctx);
      expect(readFileSync(html, 'utf8')).toBe('<html>old</html>');
      // Next gives up on an entry at its first failed file; the others clean up just after.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(names(serverDistDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
      // Logged once for the cause, however many pages fail to be stored.
      expect(errors.mock.calls.map(([m]) => String(m))).toEqual([
        '[cache] could not write the page cache (ENOSPC): pages are served and rendered again until a write succeeds',
      ]);
    } finally {
      errors.mockRestore();
    }
  });

  it('deletes the temporary files a killed process left, at start', async () => {
    const { serverDistDir, handler } = server('leftovers');
    await handler().set(key('/articles/kept'), page('<html>kept</html>'), ctx);
    const stray = path.join(serverDistDir, `${key('/articles/kept')}.html.0b0e5c3e-8a55-4d0b-9a5e-1f7d2c9b6a11.tmp`);
    writeFileSync(stray, '<html>tru');
    (globalThis as Record<symbol, Map<string, { scanned: Promise<void> }>>)[STATE]!.delete(serverDistDir);
    handler();
    await (globalThis as Record<symbol, Map<string, { scanned: Promise<void> }>>)[STATE]!.get(serverDistDir)!.scanned;
    expect(existsSync(stray)).toBe(false);
    expect(names(serverDistDir).some((n) => n.endsWith('kept.html'))).toBe(true);
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
