/**
 * Search at scale: builds the index over 10,000 synthetic stories and times a realistic query mix.
 *
 *   npm run bench:search            (tsx --expose-gc bench/search.ts [--count 10000] [--queries 400])
 *
 * Prints a Markdown table against the targets of issue 7. Figures only: no test asserts a time.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { getContentIndex } from '@/lib/content/store';
import { isPublic } from '@/lib/content/visibility';
import { buildSearchIndex, searchArticles, syncSearchIndex } from '@/lib/search/engine';
import { generateContent, prng, SECTIONS } from '../scripts/generate-content';
import { percentile } from './support/stats';

const PLACES = ['Velmora', 'Ostrand', 'Port Calder', 'Kessington', 'Ardmoor', 'Lake Oren', 'Serrin', 'Corvane', 'Hallin', 'Tarrow'];
const NAMES = ['Ada', 'Bram', 'Greta', 'Jonas', 'Adler', 'Ekberg', 'Novak', 'Thorne'];

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive whole number`);
  return value;
}

function gc() {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) throw new Error('run with --expose-gc (npm run bench:search does)');
  for (let i = 0; i < 3; i++) collect();
}

/** A mix of what readers type: words, pairs, prefixes, typos, names and places, some with a section. */
function queryMix(count: number): { query: string; section?: string; kind: string }[] {
  const rand = prng(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const word = () => pick(pick(SECTIONS).words);
  const typo = (w: string) => {
    const i = 1 + Math.floor(rand() * (w.length - 2));
    return rand() < 0.5 ? w.slice(0, i) + w.slice(i + 1) : w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2);
  };
  const kinds: [string, () => string][] = [
    ['single word', word],
    ['two words', () => `${word()} ${word()}`],
    ['prefix', () => word().slice(0, 3 + Math.floor(rand() * 3))],
    ['typo', () => typo(pick(SECTIONS.flatMap((s) => s.words).filter((w) => w.length >= 6)))],
    ['place', () => pick(PLACES)],
    ['place and word', () => `${pick(PLACES)} ${word()}`],
    ['name', () => pick(NAMES)],
    ['no match', () => `zzyzx${Math.floor(rand() * 1000)}`],
  ];
  return Array.from({ length: count }, () => {
    const [kind, make] = pick(kinds);
    const withSection = rand() < 0.3;
    return { query: make(), kind, section: withSection ? pick(SECTIONS).id : undefined };
  });
}

type Query = ReturnType<typeof queryMix>[number];

const ms = (n: number) => `${n.toFixed(2)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Times each query of the mix on its own (wall clock and process CPU time). */
function timeMix(mix: readonly Query[], run: (q: Query) => number) {
  const times: number[] = [];
  const cpu: number[] = [];
  const byKind = new Map<string, { times: number[]; hits: number }>();
  let hits = 0;
  for (const q of mix) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    const total = run(q);
    const elapsed = performance.now() - start;
    const used = process.cpuUsage(cpuStart);
    times.push(elapsed);
    cpu.push((used.user + used.system) / 1000);
    hits += total;
    const kind = `${q.kind}${q.section ? ', one section' : ''}`;
    const entry = byKind.get(kind) ?? { times: [], hits: 0 };
    entry.times.push(elapsed);
    entry.hits += total;
    byKind.set(kind, entry);
  }
  times.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    max: times.at(-1)!,
    cpuP50: percentile(cpu, 50),
    cpuP99: percentile(cpu, 99),
    hits,
    byKind,
    distinct: new Set(mix.map((q) => q.query.toLowerCase())).size,
  };
}

async function main() {
  const count = flag('count', 10_000);
  const queries = flag('queries', 400);
  const dir = mkdtempSync(path.join(tmpdir(), 'news-rebeat-search-bench-'));
  process.env.CONTENT_DIR = dir;
  process.env.CONTENT_WATCH = '0';
  delete process.env.HIDE_SAMPLES;
  try {
    generateContent({ count, dir });
    const loadStart = performance.now();
    const content = await getContentIndex();
    const loadMs = performance.now() - loadStart;
    const now = Date.now();
    const visible = content.articles.filter((a) => isPublic(a, now));
    const context = { authors: content.authors, sections: content.sections };

    gc();
    const heapBefore = process.memoryUsage().heapUsed;
    const buildCpu = process.cpuUsage();
    const buildStart = performance.now();
    const index = buildSearchIndex(visible, context);
    const buildMs = performance.now() - buildStart;
    const buildCpuUsed = process.cpuUsage(buildCpu);
    gc();
    const heapAfter = process.memoryUsage().heapUsed;

    const mix = queryMix(queries);
    // Warm up the JIT, then time each query on its own: first every query ranked afresh (as if
    // never asked before), then as served, where a repeated search reuses its recent ranking.
    for (const q of mix.slice(0, 50)) searchArticles(index, { ...q, now, reuseRanking: false });
    const cold = timeMix(mix, (q) => searchArticles(index, { ...q, now, reuseRanking: false }).total);
    index.rankings.clear();
    const served = timeMix(mix, (q) => searchArticles(index, { ...q, now }).total);
    gc();
    const heapServed = process.memoryUsage().heapUsed;
    const remembered = index.rankings.size;

    // One edited story: the content store re-reads one file and the search index re-indexes one story.
    const file = path.join(dir, 'articles', 'synthetic-0.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Synthetic', 'Edited synthetic'));
    await new Promise((resolve) => setTimeout(resolve, 2100)); // the store's poll interval without a watcher
    const edited = await getContentIndex();
    const editedVisible = edited.articles.filter((a) => isPublic(a, now));
    const editedContext = { authors: edited.authors, sections: edited.sections };
    const syncCpu = process.cpuUsage();
    const syncStart = performance.now();
    const changed = syncSearchIndex(index, editedVisible, editedContext);
    const syncMs = performance.now() - syncStart;
    const syncCpuUsed = process.cpuUsage(syncCpu);
    if (changed.replaced !== 1) throw new Error(`expected one re-indexed story, got ${JSON.stringify(changed)}`);

    const rows: [string, string, string, boolean][] = [
      ['stories indexed', `${visible.length}`, '10,000', visible.length >= 10_000 || count < 10_000],
      ['content index load (not search)', `${loadMs.toFixed(0)} ms`, '-', true],
      ['index build', `${buildMs.toFixed(0)} ms`, '< 2,000 ms', buildMs < 2000],
      ['index build, CPU time', `${((buildCpuUsed.user + buildCpuUsed.system) / 1000).toFixed(0)} ms`, '-', true],
      [`query median, ranked afresh (${mix.length} queries)`, ms(cold.p50), '< 5 ms', cold.p50 < 5],
      ['query p99, ranked afresh', ms(cold.p99), '< 20 ms', cold.p99 < 20],
      ['query max, ranked afresh', ms(cold.max), '-', true],
      ['query median / p99 CPU time, ranked afresh', `${ms(cold.cpuP50)} / ${ms(cold.cpuP99)}`, '-', true],
      [`query median, as served (repeats reuse a ranking: ${served.distinct} distinct)`, ms(served.p50), '< 5 ms', served.p50 < 5],
      ['query p99, as served', ms(served.p99), '< 20 ms', served.p99 < 20],
      ['index memory (heap delta)', mb(heapAfter - heapBefore), '< 150 MB', heapAfter - heapBefore < 150 * 1024 * 1024],
      [`index and ${remembered} remembered rankings (heap delta)`, mb(heapServed - heapBefore), '< 150 MB', heapServed - heapBefore < 150 * 1024 * 1024],
      ['update after one story changes (wall / CPU)', `${syncMs.toFixed(1)} / ${((syncCpuUsed.user + syncCpuUsed.system) / 1000).toFixed(1)} ms`, '-', true],
      ['mean matches per query', `${(cold.hits / mix.length).toFixed(0)}`, '-', true],
    ];
    // Wall-clock figures depend on what else the machine runs: say how busy it was.
    const load = loadavg().map((n) => n.toFixed(1)).join(' ');
    console.log(`\nSearch benchmark: ${count} synthetic stories, Node ${process.version}, ${cpus().length} CPUs, load average ${load}\n`);
    console.log('| measure | result | target | met |');
    console.log('| --- | ---: | ---: | :---: |');
    for (const [name, value, target, met] of rows) console.log(`| ${name} | ${value} | ${target} | ${target === '-' ? '' : met ? 'yes' : 'NO'} |`);
    console.log('\nRanked afresh, by kind of query:\n');
    console.log('| query kind | queries | median ms | p99 ms | mean matches |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const [kind, { times, hits }] of [...cold.byKind].sort(([a], [b]) => a.localeCompare(b))) {
      times.sort((a, b) => a - b);
      console.log(`| ${kind} | ${times.length} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 99))} | ${(hits / times.length).toFixed(0)} |`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
