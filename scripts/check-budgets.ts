/**
 * Fails when the seed story, as the production build in .next serves it (the repository's own
 * content), is over a budget of ADR 0006: its first-load JavaScript more than the budget above a
 * bare Next.js page's (bench/floor-app, built here with the same Next.js), its HTML (without the
 * stylesheet inlined in it) past its size budget, or that stylesheet past its own. Run by
 * scripts/test.sh after the end-to-end tests, on the same build.
 *
 *   npx tsx scripts/check-budgets.ts
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startFloorApp } from '../bench/support/floor';
import { pageWeight } from '../bench/support/page-weight';
import { SEED_PATH } from '../e2e/support/seed';
import { startServer } from '../e2e/support/server';
import { judgeBudgets, readBudgets } from '../lib/budgets/page-budgets';

const ROOT = path.resolve(__dirname, '..');
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

async function main(): Promise<number> {
  const budgets = readBudgets(readFileSync(path.join(ROOT, 'docs', 'architecture', '0006-javascript-budget.md'), 'utf8'));
  const site = await startServer();
  const floor = await startFloorApp().catch(async (error: unknown) => {
    await site.stop();
    throw error;
  });
  try {
    const story = await pageWeight(site.url, SEED_PATH);
    const bare = await pageWeight(floor.url, '/');
    const verdicts = judgeBudgets(budgets, {
      storyJsGzip: story.jsGzip,
      floorJsGzip: bare.jsGzip,
      storyMarkupRaw: story.htmlRaw - story.inlineCssRaw,
      inlineCssGzip: story.inlineCssGzip,
    });
    console.log(`| budget (ADR 0006) | limit | ${SEED_PATH} |`);
    console.log('| --- | ---: | ---: |');
    for (const v of verdicts) console.log(`| ${v.name} | ${kB(v.limit)} | ${kB(v.measured)}${v.over ? ' **over**' : ''} |`);
    console.log(`(first-load JavaScript: story ${kB(story.jsGzip)}, bare Next.js page ${kB(bare.jsGzip)}, gzip)`);
    return verdicts.some((v) => v.over) ? 1 : 0;
  } finally {
    await Promise.all([site.stop(), floor.stop()]);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
