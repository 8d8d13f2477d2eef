/**
 * `npm run build` runs this before `next build`: brings the content index (lib/content/index/) up
 * to date with content/, checking new and changed bodies on every core, so that `next build` and
 * `next start` open an index that is already whole. An unchanged archive costs a stat per file.
 *
 *   CONTENT_DIR=... NEXT_DIST_DIR=... npx tsx scripts/content-index.mts
 */
import os from 'node:os';
import { contentDir } from '@/lib/content/content-dir';
import { indexFile, markComplete } from '@/lib/content/index/database';
import { reconcile } from '@/lib/content/index/reconcile';
import { prepareIndex } from '@/lib/content/index/runtime';
import { startProgress } from '@/lib/progress';
import { bodyCheckPool } from './support/body-check-pool.mts';

const began = performance.now();
const dir = contentDir();
const file = indexFile(dir);
// CONTENT_INDEX_WORKERS=0 checks bodies in this process (for comparison); default, one per core.
const workers = Number(process.env.CONTENT_INDEX_WORKERS ?? os.availableParallelism());
const pool = workers > 0 ? bodyCheckPool(workers) : undefined;
try {
  const progress = startProgress('content index');
  const options = { checkBodies: pool?.check, onProgress: progress.update };
  const { db, rebuilt } = await prepareIndex(file, dir, options);
  const result = rebuilt?.result ?? (await reconcile(db, dir, options));
  progress.finish();
  markComplete(db);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const errors = [...result.problems.values()].flat().filter((p) => p.severity === 'error').length;
  console.log(
    `[content] index ${rebuilt ? `rebuilt (${rebuilt.reason})` : 'up to date'}: ${result.scanned} files compared, ${result.parsed} read, ` +
      `${result.compiled} bodies checked, ${errors} errors (npm run content:check lists them) in ${Math.round(performance.now() - began)} ms -> ${file}`,
  );
} finally {
  await pool?.close();
}
