import { countStories } from '@/lib/content/queries';
import { indexStatus } from '@/lib/content/index/runtime';

export const dynamic = 'force-dynamic';

/**
 * Readiness: 503 until the content index holds the whole archive (it is rebuilt from the files
 * when missing or corrupt), 200 after. nginx and a rolling deploy send readers only to a ready
 * instance. The counters say what this process has parsed and compiled since it started.
 */
export async function GET() {
  const status = indexStatus();
  const ready = status.state === 'ready';
  const body = {
    status: ready ? 'ready' : status.state,
    stories: ready ? await countStories() : null,
    index: { rebuiltAtStart: Boolean(status.rebuilt), rebuildReason: status.rebuilt?.reason ?? null, rebuildMs: status.rebuilt?.ms ?? null },
    counters: { filesParsed: status.filesParsed, bodiesCompiled: status.bodiesCompiled },
    ...(status.error ? { error: status.error } : {}),
  };
  return Response.json(body, { status: ready ? 200 : 503, headers: { 'cache-control': 'no-store', ...(ready ? {} : { 'retry-after': '5' }) } });
}
