// The ISR cache handler for several instances (docs/deploy.md): pages and route responses live in
// Redis, so a page regenerated or revalidated on one instance is what every instance serves.
// Plain JavaScript: `next start` loads it with Node's own loader (no TypeScript on Node 20).
// next.config.ts names it only when REDIS_URL is set; without it Next keeps its file-system cache.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createClient } from 'redis';
import { cacheBounds, isMissingPage } from './bounds.mjs';
import { deserialize, entryTags, mergeMarks, serialize, tagMark, tagVerdict } from './codec.mjs';

/** A Redis call slower than this counts as Redis being away: a page never waits on the cache. */
const TIMEOUT_MS = Number(process.env.REDIS_TIMEOUT_MS ?? 500);
/** After a failed call, Redis is left alone this long before it is tried again. */
const RETRY_MS = 2000;
/** While Redis is away, how often it is asked whether it is back. */
const PROBE_MS = 500;
/** Entries not read or written for this long leave Redis on their own. */
const ENTRY_TTL_SECONDS = 14 * 24 * 3600;
/** While Redis is away, this many entries are kept in process so the site is not rendered per request. */
const LOCAL_MAX = 500;

const STATE = Symbol.for('news-rebeat.redis-cache');

/**
 * One connection per process (Next creates a handler per request). node-redis reconnects by
 * itself; the offline queue is off so a command fails at once instead of waiting for Redis.
 */
function shared() {
  const g = /** @type {Record<symbol, any>} */ (globalThis);
  if (g[STATE]) return g[STATE];
  const state = {
    refreshedAt: 0,
    retryAt: 0,
    warned: false,
    /** In-process fallback while Redis is away: key -> entry, oldest first. */
    local: new Map(),
    /** Tag marks made by this process, honoured by the local fallback. */
    localTags: new Map(),
    /** Tags marked while Redis was away: written there when it returns, or a publish is lost. */
    unsent: new Set(),
    client: connect(),
    /** @type {ReturnType<typeof setInterval> | undefined} */
    probe: undefined,
  };
  // Usable: connected, and no call failed in the last RETRY_MS. A Redis that hangs (accepts but
  // never answers) would otherwise cost every request a timeout.
  Object.defineProperty(state, 'up', { get: () => state.client.isReady && Date.now() >= state.retryAt });
  state.down = (/** @type {unknown} */ error) => {
    state.retryAt = Date.now() + RETRY_MS;
    if (!state.warned) {
      state.warned = true;
      const message = error instanceof Error ? error.message : String(error);
      console.error(`[cache] Redis is unavailable (${message || 'connection lost'}): serving from this instance until it returns`);
    }
    // Asked until it answers, not only when a reader's request needs the cache: marks made meanwhile
    // (a publish) must reach the other instances as soon as Redis is back, even on a quiet instance.
    if (!state.probe) {
      let asking = false;
      state.probe = setInterval(() => {
        if (asking || !state.client.isReady) return;
        asking = true;
        withTimeout(state.client.ping())
          .then(
            () => {
              clearInterval(state.probe);
              state.probe = undefined;
              state.retryAt = 0;
              return state.ok();
            },
            (e) => state.down(e),
          )
          .finally(() => (asking = false));
      }, PROBE_MS);
      state.probe.unref();
    }
    // node-redis can report a connection ready whose socket was reset during the handshake (Redis
    // killed as it accepted): every command then waits forever and the client never reconnects.
    // A call that got no answer from a "ready" client means a new connection.
    if (error instanceof NoAnswer && state.client.isReady) {
      const dead = state.client;
      state.client = connect();
      try {
        dead.destroy();
      } catch {
        // Already closed.
      }
    }
  };
  state.ok = () => {
    if (!state.warned) return;
    console.error('[cache] Redis is back: the cache is shared again');
    state.warned = false;
    // What was cached alone may be older than what other instances revalidated meanwhile.
    state.local.clear();
    return sendUnsentTags(state);
  };

  function connect() {
    const client = createClient({
      url: process.env.REDIS_URL,
      disableOfflineQueue: true,
      socket: { connectTimeout: 2000, reconnectStrategy: (retries) => Math.min(100 + retries * 200, 2000) },
    });
    const mine = (/** @type {(e?: unknown) => void} */ fn) => (/** @type {unknown} */ e) => {
      // A replaced client's last words are not news.
      if (state.client === client) fn(e);
    };
    // Reconnected: try at once. But only a command that succeeds says Redis is back (state.ok): a
    // connection can open and drop at once (something else on the port).
    client.on(
      'ready',
      mine(() => (state.retryAt = 0)),
    );
    client.on(
      'error',
      mine((e) => state.down(e)),
    );
    client.on(
      'reconnecting',
      mine(() => state.down(new Error('connection lost'))),
    );
    client.on(
      'end',
      mine(() => state.down(new Error('connection closed'))),
    );
    client.connect().catch(mine((e) => state.down(e)));
    return client;
  }

  g[STATE] = state;
  return state;
}

/** Redis did not answer in time. */
class NoAnswer extends Error {}

function withTimeout(promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new NoAnswer(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The build's id: entries of one build are never served by another (same key, other HTML). */
function buildId(serverDistDir) {
  try {
    return readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim();
  } catch {
    return 'unknown-build';
  }
}

/**
 * A tag expired: usually another instance published a change and this page is about to be rendered
 * again here. The content index (lib/content/index/runtime.ts) re-reads changed files first, so the render
 * sees what the other instance saw; only on expiry, so it costs one stat pass per revalidation.
 */
async function refreshContent(state, since) {
  // A refresh that started after the revalidation already saw its files: one per publish, not per page.
  if (state.refreshedAt >= since) return;
  const refresh = /** @type {Record<symbol, unknown>} */ (globalThis)[Symbol.for('news-rebeat.refresh-content')];
  if (typeof refresh !== 'function') return;
  const started = Date.now();
  await Promise.resolve(refresh()).catch(() => undefined);
  state.refreshedAt = Math.max(state.refreshedAt, started);
}

/**
 * Writes the marks this process made while Redis was away (a publish during a pause), merged
 * with what other instances wrote meanwhile, so every instance stops serving what they expired.
 */
async function sendUnsentTags(state) {
  if (state.unsent.size === 0) return;
  const tags = [...state.unsent];
  state.unsent.clear();
  try {
    await writeMarks(state.client, tags, (tag, current) => mergeMarks(current, state.localTags.get(tag)));
    console.error(`[cache] ${tags.length} tag mark(s) made while Redis was away are shared now`);
  } catch (e) {
    for (const tag of tags) state.unsent.add(tag);
    state.down(e);
  }
}

/** Reads the tags' marks from Redis, and writes back what `markFor` makes of each. */
async function writeMarks(client, tags, markFor) {
  const current = await withTimeout(client.hmGet(tagsKeyOf(), tags));
  const fields = {};
  tags.forEach((tag, i) => {
    fields[tag] = JSON.stringify(markFor(tag, current[i] ? JSON.parse(current[i]) : undefined));
  });
  await withTimeout(client.hSet(tagsKeyOf(), fields));
}

function tagsKeyOf() {
  return `${process.env.REDIS_KEY_PREFIX || 'news-rebeat'}:tags`;
}

/** When the newest of these tag marks was made. */
function newestMark(marks) {
  return Math.max(0, ...marks.map((m) => Math.max(m?.stale ?? 0, Math.min(m?.expired ?? 0, Date.now()))));
}

export default class RedisCacheHandler {
  constructor(options) {
    const prefix = process.env.REDIS_KEY_PREFIX || 'news-rebeat';
    const build = `${prefix}:${buildId(options?.serverDistDir ?? '.next/server')}`;
    this.entryPrefix = `${build}:entry:`;
    // Every stored key by when it was last written: past cacheBounds().entries, the oldest go.
    this.indexKey = `${build}:index`;
    this.maxEntries = cacheBounds().entries;
    // Tags are per site, not per build: content revalidated under one build is stale under the next.
    this.tagsKey = tagsKeyOf();
    this.state = shared();
  }

  async get(key, ctx) {
    const state = this.state;
    if (!state.up) return this.localGet(key, ctx);
    try {
      const text = await withTimeout(state.client.get(this.entryPrefix + key));
      // Back after an outage: share this process's marks first, or this read would miss them.
      await state.ok();
      if (!text) return null;
      const entry = deserialize(text);
      const tags = entryTags(entry, ctx);
      if (tags.length > 0) {
        const marks = (await withTimeout(state.client.hmGet(this.tagsKey, tags))).map((m) => (m ? JSON.parse(m) : null));
        const verdict = tagVerdict(marks, entry.lastModified, Date.now());
        if (verdict === 'expired') {
          await refreshContent(state, newestMark(marks));
          return null;
        }
        // Old enough that Next serves it once more and regenerates it in the background.
        if (verdict === 'stale') {
          await refreshContent(state, newestMark(marks));
          return { ...entry, lastModified: 1 };
        }
      }
      return entry;
    } catch (e) {
      state.down(e);
      return this.localGet(key, ctx);
    }
  }

  async set(key, data, ctx) {
    const state = this.state;
    const entry = { value: data, lastModified: Date.now(), tags: ctx?.tags ?? [], cacheControl: ctx?.cacheControl };
    if (data === null || data === undefined) {
      state.local.delete(key);
      if (state.up) await withTimeout(state.client.del(this.entryPrefix + key)).catch((e) => state.down(e));
      return;
    }
    // A 404 only replaces an entry that exists (a page that went away): unknown URLs cost nothing.
    const missing = isMissingPage(data);
    if (!state.up) {
      if (!missing || state.local.has(key)) this.localSet(key, entry);
      return;
    }
    try {
      const stored = await withTimeout(
        state.client.set(this.entryPrefix + key, serialize(entry), {
          expiration: { type: 'EX', value: ENTRY_TTL_SECONDS },
          ...(missing ? { condition: 'XX' } : {}),
        }),
      );
      void state.ok();
      if (stored !== null) await this.bound(key);
    } catch (e) {
      state.down(e);
      if (!missing || state.local.has(key)) this.localSet(key, entry);
    }
  }

  /** Records a write in the index, and deletes the least recently written entries past the bound. */
  async bound(key) {
    const client = this.state.client;
    const [, count] = await withTimeout(
      client
        .multi()
        .zAdd(this.indexKey, { score: Date.now(), value: key })
        .zCard(this.indexKey)
        .expire(this.indexKey, ENTRY_TTL_SECONDS)
        .exec(),
    );
    if (Number(count) <= this.maxEntries) return;
    const oldest = await withTimeout(client.zPopMinCount(this.indexKey, Number(count) - this.maxEntries));
    if (oldest.length > 0) await withTimeout(client.del(oldest.map((o) => this.entryPrefix + o.value)));
  }

  async revalidateTag(tags, durations) {
    const list = typeof tags === 'string' ? [tags] : [...tags];
    if (list.length === 0) return;
    const now = Date.now();
    const state = this.state;
    for (const tag of list) state.localTags.set(tag, tagMark(state.localTags.get(tag), durations, now));
    if (!state.up) {
      for (const tag of list) state.unsent.add(tag);
      return;
    }
    try {
      await writeMarks(state.client, list, (_tag, current) => tagMark(current, durations, now));
    } catch (e) {
      for (const tag of list) state.unsent.add(tag);
      state.down(e);
    }
  }

  resetRequestCache() {}

  localGet(key, ctx) {
    const entry = this.state.local.get(key);
    if (!entry) return null;
    const marks = entryTags(entry, ctx).map((t) => this.state.localTags.get(t));
    const verdict = tagVerdict(marks, entry.lastModified, Date.now());
    if (verdict === 'expired') return null;
    return verdict === 'stale' ? { ...entry, lastModified: 1 } : entry;
  }

  localSet(key, entry) {
    const local = this.state.local;
    local.delete(key);
    local.set(key, entry);
    if (local.size > LOCAL_MAX) local.delete(local.keys().next().value);
  }
}
