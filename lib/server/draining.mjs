// Whether this process is shutting down: set by deploy/server.mjs on SIGTERM, read by
// /api/health. A global symbol, because the server entry and the route are loaded by different
// module graphs (Node's loader and Next's bundle).
const KEY = Symbol.for('news-rebeat.draining');

export function markDraining() {
  globalThis[KEY] = true;
}

export function isDraining() {
  return globalThis[KEY] === true;
}
