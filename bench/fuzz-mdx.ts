import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { bodyComponents } from '@/components/body/bodyComponents';
import { hostileBody, verdict } from '@/lib/mdx/hostile-mdx';

/*
 * npm run bench:fuzz -- [--cases 100000] [--seed 17]: hostile bodies from lib/mdx/hostile-mdx.ts,
 * each checked, compiled and rendered as the site would, timed one by one. Prints one table;
 * the targets (issue 17): 0 crashes, 0 scripts or handlers in output, no body over 2 s.
 */
const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const cases = option('cases', 100_000);
const seed = option('seed', 17);
const BATCH = 500;

async function main() {
  let refused = 0;
  let compiled = 0;
  let bytes = 0;
  const problems: string[] = [];
  const times: number[] = [];
  let slowest = { ms: 0, size: 0, body: '' };
  const started = Date.now();
  for (let done = 0; done < cases; done += BATCH) {
    const bodies = fc.sample(hostileBody, { numRuns: Math.min(BATCH, cases - done), seed: seed + done });
    for (const body of bodies) {
      const t = performance.now();
      const result = await verdict(body, bodyComponents);
      const ms = performance.now() - t;
      times.push(ms);
      bytes += body.length;
      if (ms > slowest.ms) slowest = { ms, size: body.length, body };
      if (result.refused) refused++;
      else compiled++;
      if (result.problem) problems.push(result.problem);
    }
    if ((done / BATCH) % 20 === 0) console.error(`fuzz: ${done + BATCH}/${cases} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => (times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0).toFixed(1);
  const over2s = times.filter((t) => t > 2000).length;
  console.log(
    `\n| bodies | refused with a place | compiled | crashes or unsafe output | over 2 s | p50 ms | p99 ms | slowest ms (size) | mean size |`,
  );
  console.log(`| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |`);
  console.log(
    `| ${cases} | ${refused} | ${compiled} | ${problems.length} | ${over2s} | ${at(0.5)} | ${at(0.99)} | ${slowest.ms.toFixed(0)} (${slowest.size} chars) | ${Math.round(bytes / cases)} chars |`,
  );
  for (const p of problems.slice(0, 10)) console.log(`- ${p}`);
  // The slowest body, kept so its shape can be studied, and timed again alone: a long first time
  // may be the body, or a garbage collection or the other core's work landing on it.
  const kept = path.join(__dirname, '..', 'reports', 'fuzz-slowest.mdx');
  mkdirSync(path.dirname(kept), { recursive: true });
  writeFileSync(kept, slowest.body);
  const again: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    await verdict(slowest.body, bodyComponents);
    again.push(performance.now() - t);
  }
  console.log(
    `\nThe slowest body (${kept}, ${slowest.size} chars) timed again alone: ${again.map((ms) => `${ms.toFixed(0)} ms`).join(', ')}.`,
  );
  process.exitCode = problems.length || over2s ? 1 : 0;
}

void main();
