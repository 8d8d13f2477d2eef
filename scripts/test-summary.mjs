// Adds up every runner's results into one closing line: `tests: N passed, M failed`.
// A runner whose report is missing counts as one failure, so a run that tested nothing shows.
import { existsSync, readFileSync } from 'node:fs';

const runners = [
  {
    // The content check counts as one test: it passes when no content file has an error.
    name: 'content check',
    file: 'reports/content-check.json',
    count: (r) => ({ passed: r.errors === 0 ? 1 : 0, failed: r.errors === 0 ? 0 : 1 }),
  },
  {
    name: 'vitest',
    file: 'reports/vitest.json',
    count: (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests + (r.numRuntimeErrors ?? 0) }),
  },
  {
    name: 'playwright',
    file: 'reports/playwright.json',
    count: (r) => ({ passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected + (r.errors?.length ?? 0) }),
  },
  // Commands that count as one test each (scripts/test.sh's one_test).
  ...['lint', 'format', 'knip', 'page-budgets', 'bench-smoke', 'bench-faults-smoke', 'bench-scale-smoke'].map((name) => ({
    name,
    file: `reports/${name}.json`,
    count: (r) => r,
  })),
];

let passed = 0;
let failed = 0;
for (const runner of runners) {
  if (!existsSync(runner.file)) {
    console.log(`${runner.name}: no report (${runner.file}); counted as a failure`);
    failed += 1;
    continue;
  }
  const counts = runner.count(JSON.parse(readFileSync(runner.file, 'utf8')));
  console.log(`${runner.name}: ${counts.passed} passed, ${counts.failed} failed`);
  passed += counts.passed;
  failed += counts.failed;
}
console.log(`tests: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
