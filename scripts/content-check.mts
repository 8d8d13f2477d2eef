/**
 * `npm run content:check`: checks every file under the content directory (CONTENT_DIR, default
 * content/) with the code the server uses, and prints one line per problem:
 *
 *   content/articles/foo.mdx:4:1 publishedAt: expected an ISO 8601 date with offset, got "yesterday"
 *
 * Progress goes to stderr (a bar on a terminal, a line every few seconds elsewhere).
 * Warnings end in "(warning)" and do not fail. Exit status 1 when there is any error.
 * `--report <file>` also writes a JSON summary (scripts/test.sh counts it as one test).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkContent } from '@/lib/content/check';
import { contentDir, displayPath, publicDir } from '@/lib/content/content-dir';
import { formatProblem } from '@/lib/content/problems';
import { startStepsProgress } from '@/lib/progress';
import { bodyCheckPool } from './support/body-check-pool.mts';

const dir = contentDir();
// On stderr, so stdout stays one line per problem: at 100,000 stories the check takes minutes.
const progress = startStepsProgress('content check');
// Bodies are checked on every core, by the server's compile code (scripts/support/body-check-pool.mts).
const pool = bodyCheckPool();
const report = await checkContent(dir, publicDir(), { onProgress: progress.update, checkBodies: pool.check }).finally(() => pool.close());
progress.finish();
for (const problem of report.problems) {
  console.log(problem.severity === 'error' ? formatProblem(problem) : `${formatProblem(problem)} (warning)`);
}
const errors = report.problems.filter((p) => p.severity === 'error').length;
const warnings = report.problems.length - errors;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
console.error(
  `content check: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(report.files, 'file')} under ${displayPath(dir) || '.'}`,
);

const reportAt = process.argv.indexOf('--report');
if (reportAt > 0 && process.argv[reportAt + 1]) {
  const file = process.argv[reportAt + 1]!;
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    `${JSON.stringify({ errors, warnings, files: report.files, problems: report.problems.map(formatProblem) }, null, 2)}\n`,
  );
}
process.exitCode = errors > 0 ? 1 : 0;
