/**
 * Search timed in process, on a site's kept content index: what the search page asks of lib/search
 * for one request (searchSiteIn: the engine, the result rows and their highlights), without the
 * page render around it. Run in a new process by bench/scale.ts, so that the first search pays
 * what it pays after a restart: opening the index and loading its vocabulary.
 *
 *   tsx bench/support/search-in-process.ts <index file> <content dir> <runs> <query>...
 *
 * Prints one JSON line: { firstMs, p50, p99, runs }.
 */
import { performance } from 'node:perf_hooks';
import { openIndex, type IndexDb } from '@/lib/content/index/database';
import { authorsIn, sectionsIn } from '@/lib/content/queries';
import { parseSearchParams } from '@/lib/search/params';
import { searchSiteIn } from '@/lib/search/search-site';
import { medianAndP99 } from './stats';

async function main() {
  const [file, contentDir, runsText, ...queries] = process.argv.slice(2);
  if (!file || !contentDir || !runsText || queries.length === 0)
    throw new Error('usage: search-in-process.ts <index file> <content dir> <runs> <query>...');
  const runs = Number(runsText);
  const search = async (db: IndexDb, q: string) => {
    const sections = sectionsIn(db);
    const params = parseSearchParams(
      { q },
      sections.map((s) => s.id),
    );
    const found = await searchSiteIn(db, params, Date.now(), {
      sections,
      authors: (ids) => Promise.resolve(authorsIn(db, ids)),
    });
    if (found.results.length === 0) throw new Error(`search for ${JSON.stringify(q)} found nothing`);
  };

  const started = performance.now();
  const opened = openIndex(file, contentDir);
  if (opened.created) throw new Error(`the index at ${file} was not usable (${opened.created}): nothing to time`);
  await search(opened.db, queries[0]!);
  const firstMs = performance.now() - started;

  for (const q of queries) await search(opened.db, q);
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await search(opened.db, queries[i % queries.length]!);
    times.push(performance.now() - t);
  }
  const { median, p99 } = medianAndP99(times);
  console.log(JSON.stringify({ firstMs, p50: median, p99, runs, rssMB: Math.round(process.memoryUsage().rss / 2 ** 20) }));
  opened.db.close();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
