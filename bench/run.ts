/**
 * The bench suite: how the site's cost grows with content and traffic, measured side by side in
 * one run, with the machine's ceiling (nginx serving a static file) beside it.
 *
 *   npm run bench              full run: builds at 100, 1,000 and 10,000 stories, 15 s loads
 *   npm run bench -- --smoke   100 stories, 3 s loads (part of the test suite, so it cannot rot)
 *
 * Prints one Markdown report and writes it to bench/results.md (smoke: reports/bench-smoke.md).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateContent } from '@/scripts/generate-content';
import { freePort, startServer, type RunningServer } from '@/e2e/support/server';
import { indexFile } from '@/lib/content/index/database';
import { getNewestStories } from '@/lib/content/queries';
import { pageWeight, type PageWeight } from './support/page-weight';
import { lighthouseBench, SMOKE_OPTIONS } from './lighthouse';
import { buildSite } from './support/build-site';
import { startFloorApp } from './support/floor';
import { withOtherSections } from './support/markdown';
import { untilIdle } from './support/memory';
import { startNginx, startReverseCache, staticNginxConfig } from './support/nginx';
import { loadTest, type LoadResult } from './support/wrk';

const ROOT = path.resolve(__dirname, '..');
const smoke = process.argv.includes('--smoke');
const SIZES = smoke ? [100] : [100, 1_000, 10_000];
const SECONDS = smoke ? 3 : 15;
const CONNECTIONS = 50;
const work = mkdtempSync(path.join(os.tmpdir(), 'news-rebeat-bench-'));
const cleanups: (() => Promise<void> | void)[] = [];

type BuildResult = { stories: number; seconds: number; peakMb: number; distDir: string; contentDir: string; indexMb: number };

/** Builds the site (bench/support/build-site.ts) on generated content into its own dist directory. */
async function buildAt(stories: number): Promise<BuildResult> {
  const contentDir = path.join(work, `content-${stories}`);
  generateContent({ count: stories, dir: contentDir });
  const distDir = `.e2e/bench-${stories}`;
  rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
  const { seconds, peakBytes } = await buildSite({ contentDir, distDir });
  // The content index the build leaves beside itself for `next start` (ADR 0010).
  process.env.NEXT_DIST_DIR = distDir;
  const indexMb = statSync(indexFile(contentDir)).size / 1024 / 1024;
  delete process.env.NEXT_DIST_DIR;
  return { stories, seconds, peakMb: peakBytes / 1024 / 1024, distDir, contentDir, indexMb };
}

/** The newest story: what readers hit hardest, and prerendered at build. */
async function newestSlug({ contentDir, distDir }: BuildResult): Promise<string> {
  // The build's own index: opening it reads no story file and compiles nothing.
  process.env.CONTENT_DIR = contentDir;
  process.env.NEXT_DIST_DIR = distDir;
  process.env.CONTENT_WATCH = '0';
  const [newest] = await getNewestStories(1);
  if (!newest) throw new Error(`no public article in ${contentDir}`);
  return newest.slug;
}

async function warm(url: string, times = 20) {
  for (let i = 0; i < times; i++) await (await fetch(url)).arrayBuffer();
}

/** A tool's version line, wherever it prints it (nginx -v writes to stderr, wrk -v exits 1). */
function version(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error) return `${command} not found`;
  const text = `${result.stdout}\n${result.stderr}`.trim();
  return text.split('\n')[0]!.trim() || `${command} (no version printed)`;
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const kB = (n: number) => (n / 1024).toFixed(1);
const mark = (ok: boolean) => (ok ? 'met' : '**missed**');

async function main() {
  const lines: string[] = [];
  const say = (line = '') => {
    lines.push(line);
  };
  const pkg = (name: string) =>
    (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

  say(`# Bench results${smoke ? ' (smoke)' : ''}`);
  say();
  say(`- Date: ${new Date().toISOString()}`);
  say(
    `- Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB memory, load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  say(
    `- Versions: Node ${process.version}, Next.js ${pkg('next')}, React ${pkg('react')}, ${version('nginx', ['-v'])}, ${version('wrk', ['-v'])}, ${version('/usr/bin/chromium', ['--version'])}, Lighthouse ${pkg('lighthouse')}`,
  );
  say(`- Load: wrk, ${CONNECTIONS} connections, ${SECONDS} s per target, 2 threads, loopback; every page warmed first.`);
  say(`- Command: \`npm run bench${smoke ? ' -- --smoke' : ''}\``);
  say();

  // 1. Builds.
  const builds: BuildResult[] = [];
  for (const size of SIZES) {
    process.stderr.write(`building at ${size} articles...\n`);
    builds.push(await buildAt(size));
  }
  say('## Build');
  say();
  say('| articles | wall time | peak memory (process tree) | content index on disk |');
  say('| ---: | ---: | ---: | ---: |');
  for (const b of builds) say(`| ${b.stories} | ${fmt(b.seconds)} s | ${fmt(b.peakMb, 0)} MB | ${fmt(b.indexMb, 1)} MB |`);
  const largest = builds.at(-1)!;
  if (!smoke)
    say(
      `\nTarget at 10,000 articles: build under 5 minutes (${mark(largest.seconds < 300)}), peak under 2 GB (${mark(largest.peakMb < 2048)}).`,
    );
  say();

  // 2. Cold start on the largest build.
  const slug = await newestSlug(largest);
  const t0 = performance.now();
  const site: RunningServer = await startServer({ distDir: largest.distDir, contentDir: largest.contentDir });
  cleanups.push(() => site.stop());
  let coldMs = Number.NaN;
  for (;;) {
    const res = await fetch(`${site.url}/articles/${slug}`);
    await res.arrayBuffer();
    if (res.status === 200) {
      coldMs = performance.now() - t0;
      break;
    }
    if (performance.now() - t0 > 60_000) break;
  }
  say('## Cold start');
  say();
  say(
    `From \`next start\` to the first 200 of an article at ${largest.stories} articles: **${fmt(coldMs, 0)} ms**${smoke ? '' : ` (target under 2 s: ${mark(coldMs < 2000)})`}.`,
  );
  // Whatever the server still does after answering (content index, background checks) is measured
  // here and kept out of the load figures below.
  const settled = await untilIdle(site.pid, { maxMs: smoke ? 20_000 : 180_000 });
  say();
  say(
    `After that first answer the server worked ${fmt(settled.cpuSeconds, 2)} s of CPU by itself before going idle (${fmt(settled.seconds, 1)} s wall${settled.idle ? '' : ', still busy when the wait ended'}).`,
  );
  say();

  // 3. The framework floor: a bare App Router page built with the same Next.js.
  process.stderr.write('building the bare Next.js floor app...\n');
  const floor = await startFloorApp();
  cleanups.push(() => floor.stop());

  // 4. The ceiling: nginx serving the same story HTML as a static file.
  const storyHtml = await (await fetch(`${site.url}/articles/${slug}`)).text();
  const staticRoot = path.join(work, 'static');
  mkdirSync(path.join(staticRoot, 'article'), { recursive: true });
  writeFileSync(path.join(staticRoot, 'article', 'index.html'), storyHtml);
  const staticPort = await freePort();
  const staticNginx = await startNginx(
    path.join(work, 'nginx-static'),
    staticNginxConfig({ pid: path.join(work, 'nginx-static.pid'), root: staticRoot, listen: `127.0.0.1:${staticPort}` }),
    `http://127.0.0.1:${staticPort}/article/`,
  );
  cleanups.push(() => staticNginx.stop());

  // 5. The reverse cache: deploy/nginx.conf in front of the site.
  const cacheNginx = await startReverseCache(path.join(work, 'nginx-cache'), ROOT, site.url);
  cleanups.push(() => cacheNginx.stop());
  const cacheUrl = cacheNginx.url;

  const targets: { name: string; url: string }[] = [
    { name: 'article', url: `${site.url}/articles/${slug}` },
    { name: 'front page', url: `${site.url}/` },
    { name: 'section front', url: `${site.url}/world` },
    { name: 'search', url: `${site.url}/search?q=harbour+council` },
    { name: 'RSS feed', url: `${site.url}/feed.xml` },
    { name: 'bare Next.js page (floor)', url: `${floor.url}/` },
    { name: 'bare Next.js page as long as a story (reference)', url: `${floor.url}/long` },
    { name: 'article via nginx reverse cache', url: `${cacheUrl}/articles/${slug}` },
    { name: 'article as static file (nginx ceiling)', url: `http://127.0.0.1:${staticPort}/article/` },
  ];
  const results = new Map<string, LoadResult>();
  for (const target of targets) {
    process.stderr.write(`loading ${target.name}...\n`);
    await warm(target.url);
    // The first requests may have started a background regeneration (a page older than its ISR
    // window, a related model to build): let it finish, so the load measures serving, not that.
    if (target.url.startsWith(site.url)) await untilIdle(site.pid, { maxMs: 60_000 });
    results.set(target.name, await loadTest(target.url, { connections: CONNECTIONS, seconds: SECONDS }));
  }
  const cacheStatus = (await fetch(`${cacheUrl}/articles/${slug}`)).headers.get('x-cache-status');

  say('## Throughput and latency');
  say();
  say('| target | requests/s | p50 | p99 | non-2xx | socket errors |');
  say('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [name, r] of results) {
    say(`| ${name} | ${fmt(r.requestsPerSecond, 0)} | ${fmt(r.p50Ms, 2)} ms | ${fmt(r.p99Ms, 2)} ms | ${r.non2xx} | ${r.socketErrors} |`);
  }
  const story = results.get('article')!;
  const floorLoad = results.get('bare Next.js page (floor)')!;
  const viaCache = results.get('article via nginx reverse cache')!;
  const ceiling = results.get('article as static file (nginx ceiling)')!;
  say();
  say(
    `- Cached article vs bare Next.js page: ${fmt((story.requestsPerSecond / floorLoad.requestsPerSecond) * 100, 0)}% (target within 10%, i.e. at least 90%: ${mark(story.requestsPerSecond >= 0.9 * floorLoad.requestsPerSecond)}).`,
  );
  say(
    `- Through the reverse cache vs the nginx static ceiling: ${fmt((viaCache.requestsPerSecond / ceiling.requestsPerSecond) * 100, 0)}% (target at least 50%: ${mark(viaCache.requestsPerSecond >= 0.5 * ceiling.requestsPerSecond)}); cache status of the article after the run: ${cacheStatus}.`,
  );
  const long = results.get('bare Next.js page as long as a story (reference)')!;
  say(
    `- Cached article vs a bare Next.js page of about the same HTML size (see the bytes below; not a target): ${fmt((story.requestsPerSecond / long.requestsPerSecond) * 100, 0)}%.`,
  );
  say(`- next start alone vs the nginx static ceiling: ${fmt((story.requestsPerSecond / ceiling.requestsPerSecond) * 100, 0)}%.`);
  const non2xx = [...results.values()].reduce((sum, r) => sum + r.non2xx + r.socketErrors, 0);
  say(`- Non-2xx responses and socket errors across all targets: ${non2xx} (target 0: ${mark(non2xx === 0)}).`);
  say();

  // 6. Bytes per page type.
  const pages: { name: string; base: string; path: string }[] = [
    { name: 'article', base: site.url, path: `/articles/${slug}` },
    { name: 'front page', base: site.url, path: '/' },
    { name: 'section front', base: site.url, path: '/world' },
    { name: 'search', base: site.url, path: '/search?q=harbour' },
    { name: 'bare Next.js page (floor)', base: floor.url, path: '/' },
    { name: 'bare Next.js page as long as a story (reference)', base: floor.url, path: '/long' },
  ];
  say('## Bytes per page type');
  say();
  say('| page | HTML raw | HTML gzip | scripts | first-load JS raw | first-load JS gzip |');
  say('| --- | ---: | ---: | ---: | ---: | ---: |');
  const weights = new Map<string, PageWeight>();
  for (const p of pages) {
    const w = await pageWeight(p.base, p.path);
    weights.set(p.name, w);
    say(`| ${p.name} | ${kB(w.htmlRaw)} kB | ${kB(w.htmlGzip)} kB | ${w.scripts} | ${kB(w.jsRaw)} kB | ${kB(w.jsGzip)} kB |`);
  }
  const jsOver = (weights.get('article')!.jsGzip - weights.get('bare Next.js page (floor)')!.jsGzip) / 1024;
  say();
  say(`Article first-load JS over the bare page: ${fmt(jsOver)} kB gzip (budget 5 kB: ${mark(jsOver <= 5)}).`);
  say();

  // 7. Lighthouse (mobile) on named pages of the repository's content, beside the floor (bench/lighthouse.ts).
  // It builds and starts its own: these two stop first (the floor app is rebuilt in place).
  await site.stop();
  await floor.stop();
  const lh = await lighthouseBench(smoke ? SMOKE_OPTIONS : { rounds: 5, calibrated: true });
  say(lh.section);

  const report = lines.join('\n') + '\n';
  console.log(report);
  const out = smoke ? path.join(ROOT, 'reports', 'bench-smoke.md') : path.join(ROOT, 'bench', 'results.md');
  mkdirSync(path.dirname(out), { recursive: true });
  // Other benches write their own sections into the same file (scale, search, faults, fuzz): keep them.
  writeFileSync(out, existsSync(out) ? withOtherSections(report, readFileSync(out, 'utf8')) : report);
  return { results };
}

main()
  .then(async ({ results }) => {
    await cleanup();
    // In smoke mode the run is a test: every target must have answered without errors.
    const failures = [...results.entries()].filter(([, r]) => r.requests === 0 || r.socketErrors > 0);
    if (smoke && failures.length) {
      console.error(`bench smoke: no clean load on ${failures.map(([n]) => n).join(', ')}`);
      process.exit(1);
    }
  })
  .catch(async (error: unknown) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  });

async function cleanup() {
  for (const fn of cleanups.reverse()) await fn();
  rmSync(work, { recursive: true, force: true });
  for (const size of SIZES) rmSync(path.join(ROOT, `.e2e/bench-${size}`), { recursive: true, force: true });
}
