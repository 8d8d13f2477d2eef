/**
 * Related stories at scale: ranks related stories for a sample of stories from the content index
 * of N synthetic stories, as a story page does on each render, and reports the cost per story.
 *
 *   npx tsx bench/related.ts [--count 10000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getNewestStories, getRelated } from '@/lib/content/queries';
import { closeContentIndex, contentDb } from '@/lib/content/index/runtime';
import { generateContent, prng } from '@/scripts/generate-content';

export async function benchRelated(count: number, samples = 200) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-related-'));
  try {
    generateContent({ count, dir });
    process.env.CONTENT_DIR = dir;
    process.env.CONTENT_INDEX_FILE = path.join(dir, '.index.sqlite');
    process.env.CONTENT_WATCH = '0';
    await contentDb();
    const stories = await getNewestStories(-1);
    const rand = prng(7);
    const times: number[] = [];
    let withFour = 0;
    for (let i = 0; i < samples; i++) {
      const story = stories[Math.floor(rand() * stories.length)]!;
      const started = performance.now();
      const related = await getRelated(story, 4);
      times.push(performance.now() - started);
      if (related.length === 4) withFour++;
    }
    times.sort((a, b) => a - b);
    return { count, p50: times[Math.floor(samples / 2)]!, p99: times[Math.floor(samples * 0.99)]!, withFour, samples };
  } finally {
    await closeContentIndex();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  const i = process.argv.indexOf('--count');
  const count = i > 0 ? Number(process.argv[i + 1]) : 10_000;
  void benchRelated(count).then((r) => {
    console.log('| articles | related stories per render, p50 | p99 | stories with 4 related |');
    console.log('| ---: | ---: | ---: | ---: |');
    console.log(`| ${r.count} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.withFour}/${r.samples} |`);
  });
}
