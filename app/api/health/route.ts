import { countStories } from '@/lib/content/queries';
import { contentDb, indexStatus } from '@/lib/content/index/runtime';
import { isDraining } from '@/lib/server/draining.mjs';

export const dynamic = 'force-dynamic';

const OPEN_WAIT_MS = 1000;

/**
 * Readiness: 503 until the content index holds the whole archive (it is rebuilt from the files
 * when missing or corrupt), 200 after, and 503 again once SIGTERM has started a drain. nginx and
 * a rolling deploy send readers only to a ready instance. The counters say what this process has
 * parsed and compiled since it started.
 */
export async function GET() {
  // The first request may be this one: open the index, and wait a moment for an index that only
  // needs opening; one being rebuilt answers 503 at once after that.
  await Promise.race([contentDb().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, OPEN_WAIT_MS))]);
  const status = indexStatus();
  const draining = isDraining();
  const ready = status.state === 'ready' && !draining;
  const body = {
    status: draining ? 'draining' : ready ? 'ready' : status.state,
    stories: ready ? await countStories() : null,
    index: {
      rebuiltAtStart: Boolean(status.rebuilt),
      rebuildReason: status.rebuilt?.reason ?? null,
      rebuildMs: status.rebuilt?.ms ?? null,
    },
    counters: { filesParsed: status.filesParsed, bodiesCompiled: status.bodiesCompiled },
    ...(status.error ? { error: status.error } : {}),
  };
  return Response.json(body, {
    status: ready ? 200 : 503,
    headers: { 'cache-control': 'no-store', ...(ready ? {} : { 'retry-after': '5' }) },
  });
}
