// The ISR cache handler for one instance (docs/deploy.md): Next's own file-system cache under
// `<distDir>/server/route-cache`, with two changes. A 404 for an address the cache never held is
// not written (lib/cache/bounds.mjs), and the cache keeps at most cacheBounds() entries and bytes,
// least recently used out first. Without it every unknown URL was 7 files and about 70 kB, for good.
// Plain JavaScript: `next start` loads it with Node's own loader (no TypeScript on Node 20).
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { cacheBounds, entryBytes, isMissingPage } from './bounds.mjs';

// Next's default handler, extended rather than copied: the same files, the prerendered pages of the
// build served until regenerated, the same tag expiry. Pinned with Next (package.json).
const require = createRequire(import.meta.url);
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;

const ROUTE_CACHE = '/route-cache/';
/** The file whose presence makes an entry, by kind; the rest sit beside it with the same stem. */
const PRIMARY = { APP_PAGE: '.html', PAGES: '.html', APP_ROUTE: '.body' };
const SIDE_FILES = ['.html', '.rsc', '.meta', '.body', '.json', '.segments'];
const STATE = Symbol.for('news-rebeat.file-cache');
const TEMPORARY = /\.[0-9a-f-]{36}\.tmp$/;

/**
 * Next writes an entry's files (.html, .rsc, .meta, segments) in place: a process killed halfway
 * leaves a truncated page that the restart would serve. Each file is written beside itself and
 * renamed over, so a reader sees the old file or the new one, whole.
 */
function atomicWrites(fs) {
  return {
    ...fs,
    writeFile: async (file, data) => {
      const temporary = `${file}.${randomUUID()}.tmp`;
      try {
        await fs.writeFile(temporary, data);
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}

/**
 * Which entries are on disk and how large, least recently used first: one per dist directory and
 * process (Next creates a handler per request). Filled from the disk at start, in the background.
 */
function shared(serverDistDir) {
  const g = /** @type {Record<symbol, Map<string, any>>} */ (globalThis);
  g[STATE] ??= new Map();
  let state = g[STATE].get(serverDistDir);
  if (!state) {
    state = { entries: new Map(), bytes: 0, bounds: cacheBounds() };
    g[STATE].set(serverDistDir, state);
    state.scanned = scan(serverDistDir, state).catch(() => undefined);
  }
  return state;
}

/** Entries already on disk (a restart), oldest written first, so the bound holds across restarts. */
async function scan(serverDistDir, state) {
  const root = path.join(serverDistDir, 'route-cache');
  const found = new Map();
  const walk = async (dir) => {
    let names;
    try {
      names = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of names) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        await walk(file);
        continue;
      }
      // Left by a process killed while writing (atomicWrites): never renamed, so never read.
      if (TEMPORARY.test(entry.name)) {
        await rm(file, { force: true });
        continue;
      }
      const relative = file.slice(root.length);
      const segments = relative.indexOf('.segments/');
      const stem = segments === -1 ? relative.replace(/\.(html|rsc|meta|body|json)$/, '') : relative.slice(0, segments);
      const info = await stat(file).catch(() => undefined);
      if (!info) continue;
      const seen = found.get(stem) ?? { bytes: 0, written: 0, kind: relative.split(path.sep)[1] };
      seen.bytes += info.size;
      if (/\.(html|body)$/.test(file)) seen.written = info.mtimeMs;
      found.set(stem, seen);
    }
  };
  await walk(root);
  const oldestFirst = [...found].filter(([, e]) => e.written > 0).sort((a, b) => a[1].written - b[1].written);
  const before = [];
  for (const [stem, e] of oldestFirst) {
    const key = `${ROUTE_CACHE.slice(0, -1)}${stem.split(path.sep).join('/')}`;
    if (state.entries.has(key)) continue;
    before.push([key, { bytes: e.bytes, kind: e.kind }]);
    state.bytes += e.bytes;
  }
  // Older than anything used since the start: in front of the queue. The next write evicts.
  state.entries = new Map([...before, ...state.entries]);
}

export default class FileCacheHandler extends FileSystemCache {
  constructor(ctx) {
    super(ctx.fs ? { ...ctx, fs: atomicWrites(ctx.fs) } : ctx);
    this.state = shared(ctx.serverDistDir);
  }

  async get(key, ctx) {
    const data = await super.get(key, ctx);
    // Also records build pages Next copies into the route cache on first read.
    if (data?.value && key.startsWith(ROUTE_CACHE) && this.flushToDisk) await this.track(key, data.value, false);
    return data;
  }

  async set(key, data, ctx) {
    if (key.startsWith(ROUTE_CACHE) && isMissingPage(data) && !this.holds(key, data.kind)) return;
    try {
      await super.set(key, data, ctx);
    } catch (error) {
      // A full or failing disk: the page was rendered and is served (and kept in memory); only
      // storing it failed. Logged once per cause, not per page, until a write succeeds again.
      writeFailed(this.state, error);
      return;
    }
    this.state.failing = undefined;
    if (data && key.startsWith(ROUTE_CACHE) && this.flushToDisk) await this.track(key, data, true);
  }

  /** Whether this address has an entry to replace: in memory, on disk, or prerendered by the build. */
  holds(key, kind) {
    const extension = PRIMARY[kind];
    if (!extension) return false;
    if (FileSystemCache.memoryCache?.has(key)) return true;
    if (existsSync(this.getFilePath(`${key}${extension}`, kind))) return true;
    const marker = key.indexOf('/$/');
    return marker !== -1 && existsSync(this.getFilePath(`${key.slice(marker + 2)}${extension}`, kind));
  }

  /** Marks an entry most recently used (measured again when `written`), then evicts down to the bounds. */
  async track(key, value, written) {
    const state = this.state;
    const old = state.entries.get(key);
    const bytes = old && !written ? old.bytes : entryBytes(value);
    if (old) {
      state.entries.delete(key);
      state.bytes -= old.bytes;
    }
    state.entries.set(key, { bytes, kind: value.kind });
    state.bytes += bytes;
    const evicted = [];
    for (const [oldest, entry] of state.entries) {
      if (state.entries.size <= state.bounds.entries && state.bytes <= state.bounds.bytes) break;
      if (oldest === key) continue;
      state.entries.delete(oldest);
      state.bytes -= entry.bytes;
      evicted.push([oldest, entry.kind]);
    }
    await Promise.all(evicted.map(([oldest, kind]) => this.remove(oldest, kind)));
  }

  /** Removes an entry's files and its in-memory copy; the next request renders the page again. */
  async remove(key, kind) {
    FileSystemCache.memoryCache?.remove(key);
    const primary = PRIMARY[kind] ?? '.html';
    const stem = this.getFilePath(`${key}${primary}`, kind in PRIMARY ? kind : 'APP_PAGE').slice(0, -primary.length);
    // The primary file first: without it the entry no longer exists for Next.
    await rm(`${stem}${primary}`, { force: true });
    await Promise.all(SIDE_FILES.map((ext) => rm(`${stem}${ext}`, { force: true, recursive: true })));
  }
}

function writeFailed(state, error) {
  const cause = error?.code ?? (error instanceof Error ? error.message : String(error));
  if (state.failing === cause) return;
  state.failing = cause;
  console.error(`[cache] could not write the page cache (${cause}): pages are served and rendered again until a write succeeds`);
}
