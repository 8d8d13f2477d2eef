/**
 * Related-story computation at scale: builds the model for N synthetic articles and reports time
 * and memory.  npx tsx --expose-gc bench/related.ts [--count 10000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildRelatedModel } from '@/lib/content/related';
import { getContentIndex } from '@/lib/content/store';
import { generateContent } from '@/scripts/generate-content';

export async function benchRelated(count: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-related-'));
  try {
    generateContent({ count, dir });
    process.env.CONTENT_DIR = dir;
    const index = await getContentIndex();
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const before = process.memoryUsage().heapUsed;
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const model = buildRelatedModel(index.articles, 5);
    const cpu = process.cpuUsage(cpuBefore);
    const ms = performance.now() - started;
    // CPU time is what the build costs this process; wall time also counts waiting for a busy core.
    const cpuMs = (cpu.user + cpu.system) / 1000;
    gc?.();
    const retainedMb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
    const withFive = [...model.values()].filter((list) => list.length === 5).length;
    return { count, ms, cpuMs, retainedMb, measuredWithGc: Boolean(gc), withFive };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const i = process.argv.indexOf('--count');
  const count = i > 0 ? Number(process.argv[i + 1]) : 10_000;
  benchRelated(count).then((r) => {
    console.log('| articles | related model build (wall) | (CPU) | model memory (heap retained) | stories with 5 related |');
    console.log('| ---: | ---: | ---: | ---: | ---: |');
    console.log(
      `| ${r.count} | ${(r.ms / 1000).toFixed(2)} s | ${(r.cpuMs / 1000).toFixed(2)} s | ${r.retainedMb.toFixed(1)} MB${r.measuredWithGc ? '' : ' (no --expose-gc: rough)'} | ${r.withFive} |`,
    );
  });
}
