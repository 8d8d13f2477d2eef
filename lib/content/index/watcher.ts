import 'server-only';
import { readdirSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** `watching` is false when the system refused every watch (inotify limits): the caller polls. */
export type ContentWatcher = { close(): void; watching: () => boolean; flush: () => void };

/** The directories that hold content files; a watch each, however many files they hold. */
const WATCHED = ['', 'articles', 'authors', 'live'] as const;
/** Holds a folder per live story (live/<story>/<update>.mdx, ADR 0011), each watched too. */
const LIVE = 'live';

/**
 * Watches the content directory, its folders and each live story's folder (a watch per folder, not
 * one per file as Node 20's recursive watch holds), and reports changed paths relative to the content directory,
 * a few milliseconds after the last event of a burst (a git checkout writes many files at once).
 * `undefined` means "something changed, compare every stamp" (a folder appeared, or an event had
 * no file name).
 */
export function watchContent(dir: string, onChange: (paths: readonly string[] | undefined) => void, settleMs = 30): ContentWatcher {
  if (process.env.CONTENT_WATCH === '0') return { close() {}, watching: () => false, flush() {} };
  const watchers = new Map<string, FSWatcher>();
  let pending = new Set<string>();
  let everything = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const flush = () => {
    timer = undefined;
    const paths = everything ? undefined : [...pending];
    pending = new Set();
    everything = false;
    onChange(paths);
  };
  const changed = (rel: string | undefined) => {
    if (rel === undefined) everything = true;
    else pending.add(rel);
    timer ??= setTimeout(flush, settleMs);
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- a replaced setTimeout (fake timers, a framework's patch) may return a handle without unref
    timer.unref?.();
  };

  const attach = (sub: string) => {
    if (closed || watchers.has(sub)) return;
    try {
      const w = watch(path.join(dir, sub), { persistent: false }, (_event, name) => {
        if (!name) {
          changed(undefined);
          return;
        }
        const rel = sub ? `${sub}/${name}` : name;
        // A folder created (or replaced) after the start: watch it from now on and compare everything.
        if ((!sub && (name === 'articles' || name === 'authors' || name === LIVE)) || sub === LIVE) {
          watchers.get(rel)?.close();
          watchers.delete(rel);
          attach(rel);
          if (rel === LIVE) attachLiveStories();
          changed(undefined);
          return;
        }
        changed(rel);
      });
      w.on('error', () => {
        w.close();
        watchers.delete(sub);
        changed(undefined);
      });
      watchers.set(sub, w);
    } catch {
      // Missing folder: the root watch attaches it when it appears.
    }
  };
  const attachLiveStories = () => {
    try {
      for (const e of readdirSync(path.join(dir, LIVE), { withFileTypes: true })) if (e.isDirectory()) attach(`${LIVE}/${e.name}`);
    } catch {
      // No live folder yet: the root watch attaches it when it appears.
    }
  };
  WATCHED.forEach(attach);
  attachLiveStories();

  return {
    watching: () => watchers.size > 0,
    /** Reports what has been seen so far now, without waiting for the burst to settle. */
    flush() {
      if (!timer) return;
      clearTimeout(timer);
      flush();
    },
    close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      watchers.clear();
    },
  };
}
