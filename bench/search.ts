/**
 * Search at scale, on the content index: builds SQLite indexes of 10,000 and 100,000 synthetic
 * stories (stories rows and search rows, written with lib/search's writer) and times named
 * queries in process, then the first search after a restart in a new process.
 *
 *   npm run bench:search            (tsx bench/search.ts [--counts 10000,100000] [--runs 200])
 *
 * Prints Markdown tables against the targets of issue 14. Figures only: no test asserts a time.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { openIndex } from '@/lib/content/index/database';
import { searchStories, type SearchRequest } from '@/lib/search/engine';
import { loadContent } from '@/lib/search/test-index';
import { forgetVocabulary, vocabulary } from '@/lib/search/vocabulary';
import { generateContent, prng } from '../scripts/generate-content';

/** What readers type, by kind: the generator's words, names and places. */
const QUERIES: { name: string; request: Omit<SearchRequest, 'now'> }[] = [
  { name: 'name ("Ekberg")', request: { query: 'Ekberg' } },
  { name: 'two words ("border summit")', request: { query: 'border summit' } },
  { name: 'misspelling ("glaciar")', request: { query: 'glaciar' } },
  { name: 'prefix ("parlia")', request: { query: 'parlia' } },
  { name: 'common word ("officials")', request: { query: 'officials' } },
  { name: 'common word, one section', request: { query: 'officials', section: 'science' } },
  { name: 'common word, page 5', request: { query: 'officials', page: 5 } },
  { name: 'no match ("zzyzx")', request: { query: 'zzyzx' } },
];

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : fallback;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const ms = (n: number) => `${n.toFixed(2)} ms`;

/** In a new process: open the index, time the first search (vocabulary load included), then RSS. */
function firstSearch(file: string, now: number) {
  const started = performance.now();
  const db = new Database(file, { readonly: true });
  const opened = performance.now();
  const outcome = searchStories(db, { query: 'Lukashenka officials', now });
  const first = performance.now();
  const again = searchStories(db, { query: 'glaciar', now });
  const second = performance.now();
  for (let r = 0; r < 20; r++) for (const q of QUERIES) searchStories(db, { ...q.request, now });
  const rss = process.memoryUsage().rss;
  console.log(
    JSON.stringify({
      openMs: opened - started,
      firstMs: first - opened,
      secondMs: second - first,
      rss,
      total: outcome.total + again.total,
    }),
  );
}

/** The vocabulary load on its own, over a synthetic vocabulary of `terms` words (real news has more than generated text). */
function vocabularyLoad(terms: number): number {
  const dir = mkdtempSync(path.join(tmpdir(), 'search-vocab-bench-'));
  try {
    const { db } = openIndex(path.join(dir, 'index.sqlite'), dir);
    const rand = prng(3);
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const insert = db.prepare('INSERT OR IGNORE INTO search_terms (term, stories) VALUES (?, ?)');
    db.transaction(() => {
      let written = 0;
      while (written < terms) {
        const length = 4 + Math.floor(rand() * 9);
        const word = Array.from({ length }, () => letters[Math.floor(rand() * 26)]).join('');
        written += insert.run(word, 1 + Math.floor(rand() * 50)).changes;
      }
    })();
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      forgetVocabulary(db);
      const start = performance.now();
      vocabulary(db);
      times.push(performance.now() - start);
    }
    db.close();
    return times.sort((a, b) => a - b)[2]!;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function benchmark(count: number, runs: number) {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-rebeat-search-bench-'));
  try {
    const content = path.join(dir, 'content');
    const now = Date.UTC(2026, 9, 1);
    let start = performance.now();
    generateContent({ count, dir: content, now });
    const generateMs = performance.now() - start;
    const file = path.join(dir, 'index.sqlite');
    const { db } = openIndex(file, content);
    start = performance.now();
    await loadContent(db, content);
    const indexMs = performance.now() - start;
    const terms = db.prepare('SELECT count(*) FROM search_terms').pluck().get() as number;

    const rows: string[] = [];
    for (const q of QUERIES) {
      const request = { ...q.request, now };
      for (let i = 0; i < 5; i++) searchStories(db, request); // warm the statements and the page cache
      const times: number[] = [];
      let outcome = searchStories(db, request);
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        outcome = searchStories(db, request);
        times.push(performance.now() - t);
      }
      times.sort((a, b) => a - b);
      const counts = `${outcome.approximate ? '~' : ''}${outcome.total}`;
      rows.push(`| ${q.name} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 99))} | ${counts} |`);
    }
    db.close();

    const child = spawnSync(process.execPath, [...process.execArgv, __filename, '--first', file, '--now', String(now)], {
      encoding: 'utf8',
    });
    if (child.status !== 0) throw new Error(child.stderr);
    const first = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { openMs: number; firstMs: number; secondMs: number; rss: number };

    console.log(
      `\n### ${count.toLocaleString('en')} stories (${terms.toLocaleString('en')} terms; generated in ${(generateMs / 1000).toFixed(0)} s, indexed, bodies checked, in ${(indexMs / 1000).toFixed(0)} s)\n`,
    );
    console.log(`| query | p50 | p99 | matches |`);
    console.log('| --- | ---: | ---: | ---: |');
    for (const row of rows) console.log(row);
    console.log(
      `\nNew process: open ${ms(first.openMs)}, first search (vocabulary load included) ${ms(first.firstMs)} (target < 500 ms), second ${ms(first.secondMs)}; RSS after ${QUERIES.length * 20} searches ${(first.rss / 1024 / 1024).toFixed(0)} MB (target < 500 MB)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const firstFile = flag('first', '');
  if (firstFile) {
    firstSearch(firstFile, Number(flag('now', String(Date.now()))));
    return;
  }
  const counts = flag('counts', '10000,100000').split(',').map(Number);
  const runs = Number(flag('runs', '200'));
  const load = loadavg()
    .map((n) => n.toFixed(1))
    .join(' ');
  console.log(`Search benchmark: Node ${process.version}, ${cpus().length} CPUs, load average ${load}; ${runs} runs per query, in process`);
  for (const count of counts) await benchmark(count, runs);
  console.log(`\nVocabulary load alone, 200,000 synthetic terms: ${ms(vocabularyLoad(200_000))} (median of 5)`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
