import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * Prints a bench's report and keeps it: a full run appends to bench/results.md; a smoke run (CI,
 * checking the script) writes reports/<name>-smoke.md alone, so the results file holds real runs only.
 */
export function keepReport(report: string, { name, smoke }: { name: string; smoke: boolean }) {
  console.log(report);
  const out = smoke ? path.join(ROOT, 'reports', `${name}-smoke.md`) : path.join(ROOT, 'bench', 'results.md');
  mkdirSync(path.dirname(out), { recursive: true });
  if (smoke) writeFileSync(out, report);
  else appendFileSync(out, report);
}

/** Runs a bench: exit 0 when it passed, 1 when it failed or threw. */
export function runBench(main: () => Promise<boolean>) {
  main().then(
    (ok) => process.exit(ok ? 0 : 1),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
