/**
 * The scale bench (issue 14, points 8 and 9): what the site costs as the archive grows from 1,000
 * to 100,000 stories, every size measured the same way.
 *
 *   npm run bench:scale                           1,000, 10,000 and 100,000 stories (about 40 min)
 *   npm run bench:scale -- --sizes 1000,10000     other sizes
 *   npm run bench:scale -- --smoke                200 stories, short loops (part of npm test)
 *
 * Per size: generate the stories in /tmp, build as `npm run build` does (bench/support/build-site.ts),
 * build again after 3 files change, then restart `next start` on a fresh copy of that build output
 * for each first request measured: Next's ISR cache is then empty past the prerendered stories,
 * and the content index the build left is kept. Prints one Markdown table and writes it into the
 * "## Scale" section of bench/results.md with a chart, bench/scale.svg (smoke: reports/).
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from '@/e2e/support/server';
import { PAGE_SIZE } from '@/lib/pagination';
import { startProgress, startStepsProgress } from '@/lib/progress';
import { paths } from '@/lib/urls';
import { generateContent, prng } from '@/scripts/generate-content';
import { renderScaleChart } from './scale-chart';
import { chartRows, SCALE_HEADING, scaleMetrics, scaleTable, type Cell, type SizeResult } from './scale-report';
import { buildSite } from './support/build-site';
import { startFloorApp } from './support/floor';
import { readHealth, untilReady } from './support/health';
import { inotifyWatches } from './support/inotify';
import { withSection } from './support/markdown';
import { treeCpuSeconds, treeRss } from './support/memory';
import { medianAndP99 } from './support/stats';

const ROOT = path.resolve(__dirname, '..');
const smoke = process.argv.includes('--smoke');
/** Low on purpose, so there are uncached old stories at 1,000 too. */
const PRERENDER_LIMIT = 100;
const SIZES = sizesFromArgs() ?? (smoke ? [200] : [1_000, 10_000, 100_000]);
const LOOPS = { renders: smoke ? 10 : 50, searches: smoke ? 20 : 100, cpuWindowSeconds: smoke ? 3 : 10 };
/** Queries that find stories in generated content (scripts/generate-content.ts's vocabulary). */
const QUERIES = [
  { kind: 'a name', q: 'Holt' },
  { kind: 'a two-word phrase', q: 'port calder' },
  { kind: 'a misspelling', q: 'Velmorra' },
  { kind: 'a prefix', q: 'shipy' },
  { kind: 'a common word', q: 'officials' },
];
const SEED = 14;
/** A first request after a restart at 100,000 may have to build an in-memory index: generous, but bounded. */
const FIRST_REQUEST_MS = smoke ? 60_000 : 300_000;
const BUILD_TIMEOUT_MS = smoke ? 10 * 60_000 : 60 * 60_000;
const PUBLISH_TIMEOUT_MS = 60_000;
const MB = 1024 * 1024;

// Each size keeps its index in its own dist directory, where a restart's fresh copy carries it.
delete process.env.CONTENT_INDEX_FILE;
const work = mkdtempSync(path.join(os.tmpdir(), 'news-rebeat-scale-'));
const secret = randomBytes(16).toString('hex');
const cleanups = new Set<() => Promise<void> | void>();
/** What went wrong in a way the smoke run must fail for (a page that did not answer 200). */
const failures: string[] = [];
const notes: string[] = [];
const steps = startStepsProgress('bench:scale', { lineEveryMs: 30_000 });

function sizesFromArgs(): number[] | undefined {
  const at = process.argv.indexOf('--sizes');
  if (at < 0) return undefined;
  const sizes = (process.argv[at + 1] ?? '').split(',').map(Number);
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < PRERENDER_LIMIT + 100)) {
    throw new Error(`--sizes takes whole numbers of stories above ${PRERENDER_LIMIT + 100}, e.g. --sizes 1000,10000`);
  }
  return sizes.sort((a, b) => a - b);
}

/** Runs one step of the bench under a progress line that keeps counting seconds while it works. */
async function step<T>(name: string, fn: () => Promise<T> | T): Promise<T> {
  steps.update(0, 1, name);
  const ticker = setInterval(() => steps.update(0, 1, name), 1000);
  try {
    return await fn();
  } finally {
    clearInterval(ticker);
    steps.update(1, 1, name);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Timed = { ms: number; status: number; body: string };

async function timedGet(url: string, timeoutMs = FIRST_REQUEST_MS): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  const body = await res.text();
  return { ms: performance.now() - started, status: res.status, body };
}

/** A first request's time, or why there is none; anything but a 200 is a failure of the run. */
async function firstAnswer(url: string, what: string): Promise<Cell> {
  try {
    const { ms, status } = await timedGet(url);
    if (status === 200) return ms;
    failures.push(`${what}: HTTP ${status} from ${url}`);
    return { na: `HTTP ${status}` };
  } catch (error) {
    failures.push(`${what}: ${(error as Error).message} (${url})`);
    return { na: (error as Error).name === 'TimeoutError' ? `over ${FIRST_REQUEST_MS / 1000} s` : 'no answer' };
  }
}

/** Times each URL in turn (all must answer 200); median and p99. */
async function timeEach(urls: readonly string[], what: string): Promise<{ median: Cell; p99: Cell }> {
  const times: number[] = [];
  for (const url of urls) {
    const { ms, status } = await timedGet(url);
    if (status !== 200) failures.push(`${what}: HTTP ${status} from ${url}`);
    times.push(ms);
  }
  const { median, p99 } = medianAndP99(times);
  return { median, p99 };
}

/** The stories `next build` prerendered, from its manifest: every other story starts uncached. */
function prerenderedSlugs(distDir: string): Set<string> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, distDir, 'prerender-manifest.json'), 'utf8')) as {
    routes: Record<string, unknown>;
  };
  return new Set(
    Object.keys(manifest.routes).flatMap((route) => (route.startsWith('/articles/') ? [route.slice('/articles/'.length)] : [])),
  );
}

/** Old stories for each purpose, drawn with a fixed seed from outside the prerendered ones, all different. */
function drawOldStories(count: number, prerendered: ReadonlySet<string>) {
  const pool = Array.from({ length: count }, (_, i) => `synthetic-${i}`).filter((slug) => !prerendered.has(slug));
  const need = 3 + 3 + LOOPS.renders;
  if (pool.length < need) throw new Error(`only ${pool.length} stories outside the prerendered ones; need ${need}`);
  const rand = prng(SEED);
  // A partial Fisher-Yates shuffle: the first `need` places are a uniform draw.
  for (let i = 0; i < need; i++) {
    const j = i + Math.floor(rand() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return { touched: pool.slice(0, 3), publish: pool[3]!, watched: pool[4]!, first: pool[5]!, renders: pool.slice(6, need) };
}

const storyFile = (contentDir: string, slug: string) => path.join(contentDir, 'articles', `${slug}.mdx`);

/** A word found nowhere else in the archive, letters only so search reads it as one word. */
function uniqueWord(prefix: string): string {
  const letters = [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${prefix}${letters}`;
}

/** Adds a paragraph to a story's body (the end of the file is its body). */
function addParagraph(contentDir: string, slug: string, text: string): () => void {
  const file = storyFile(contentDir, slug);
  const before = readFileSync(file, 'utf8');
  writeFileSync(file, `${before.trimEnd()}\n\n${text}\n`);
  return () => writeFileSync(file, before);
}

/** The largest section and the address of its last listing page. */
function deepestListing(perSection: Record<string, number>): string {
  const [section, stories] = Object.entries(perSection).sort((a, b) => b[1] - a[1])[0]!;
  return paths.listingPage(paths.section(section), Math.ceil(stories / PAGE_SIZE));
}

const searchUrl = (base: string, q: string, bust: string) => `${base}/search?q=${encodeURIComponent(q)}&n=${bust}`;

/** Content index files the build left in a dist directory (the persistent index; none today). */
function indexFiles(distDir: string): string[] {
  const dir = path.join(ROOT, distDir, 'cache', 'content-index');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.sqlite(-wal|-shm)?$/.test(name))
    .map((name) => path.join(dir, name));
}

type Site = { contentDir: string; distDir: string; runDir: string; listenMs: number[] };

/**
 * Search in process on the site's kept index (bench/support/search-in-process.ts), in a new process
 * so the first search pays for opening the index and loading its vocabulary, as after a restart.
 */
function searchInProcess(site: Site): { first: Cell; p50: Cell; p99: Cell } {
  const [file] = indexFiles(site.distDir).filter((f) => f.endsWith('.sqlite'));
  if (!file) return { first: { na: 'no index file' }, p50: { na: 'no index file' }, p99: { na: 'no index file' } };
  const script = path.join(ROOT, 'bench', 'support', 'search-in-process.ts');
  const out = execFileSync(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    [script, file, site.contentDir, String(LOOPS.searches), ...QUERIES.map((q) => q.q)],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, CONTENT_DIR: site.contentDir },
    },
  );
  const figures = JSON.parse(out.trim().split('\n').at(-1)!) as { firstMs: number; p50: number; p99: number };
  return { first: figures.firstMs, p50: figures.p50, p99: figures.p99 };
}

/**
 * Starts `next start` on a fresh copy of the build output, as next build left it: no page rendered
 * since, the content index kept. `prepare` may change the copy first (delete the index).
 */
async function withRestart<T>(site: Site, run: (server: RunningServer) => Promise<T>, prepare?: (runDir: string) => void): Promise<T> {
  const runPath = path.join(ROOT, site.runDir);
  rmSync(runPath, { recursive: true, force: true });
  const cache = path.join(ROOT, site.distDir, 'cache');
  // The build's compiler cache is of no use to `next start`; of the cache folder, only the content index is copied.
  cpSync(path.join(ROOT, site.distDir), runPath, {
    recursive: true,
    filter: (src) => !src.startsWith(`${cache}${path.sep}`) || src.startsWith(path.join(cache, 'content-index')),
  });
  prepare?.(site.runDir);
  const server = await startServer({
    distDir: site.runDir,
    contentDir: site.contentDir,
    waitFor: 'listening',
    env: { REVALIDATE_SECRET: secret, PRERENDER_LIMIT: String(PRERENDER_LIMIT) },
  });
  const stop = () => server.stop();
  cleanups.add(stop);
  site.listenMs.push(server.readyAt - server.startedAt);
  try {
    return await run(server);
  } finally {
    await stop();
    cleanups.delete(stop);
    rmSync(runPath, { recursive: true, force: true });
  }
}

/** Push-to-publish: edit a cached story, send the webhook, and time until the page shows the edit. */
async function changedFileToServed(server: RunningServer, contentDir: string, slug: string): Promise<Cell> {
  const url = `${server.url}/articles/${slug}`;
  await timedGet(url); // cached by ISR from now on, like any story a reader opened
  const marker = uniqueWord('publishcheck');
  const started = performance.now();
  const restore = addParagraph(contentDir, slug, `Push to publish check ${marker}.`);
  cleanups.add(restore);
  try {
    const res = await fetch(`${server.url}/api/revalidate`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: JSON.stringify({ files: [`articles/${slug}.mdx`] }),
      signal: AbortSignal.timeout(PUBLISH_TIMEOUT_MS),
    });
    await res.arrayBuffer();
    if (!res.ok) {
      failures.push(`push-to-publish webhook: HTTP ${res.status}`);
      return { na: `webhook HTTP ${res.status}` };
    }
    return await pollUntil(url, (body) => body.includes(marker), started);
  } finally {
    restore();
    cleanups.delete(restore);
  }
}

/** Edit a story without telling the server, and time until search finds the new word (optional figure). */
async function changedFileToSearchable(server: RunningServer, contentDir: string, slug: string): Promise<Cell> {
  const marker = uniqueWord('watchcheck');
  const started = performance.now();
  const restore = addParagraph(contentDir, slug, `Index check ${marker}.`);
  cleanups.add(restore);
  try {
    let n = 0;
    return await pollUntil(
      () => searchUrl(server.url, marker, `w${n++}`),
      (body) => body.includes(`/articles/${slug}"`),
      started,
    );
  } finally {
    restore();
    cleanups.delete(restore);
  }
}

async function pollUntil(url: string | (() => string), done: (body: string) => boolean, started: number): Promise<Cell> {
  while (performance.now() - started < PUBLISH_TIMEOUT_MS) {
    const { body } = await timedGet(typeof url === 'string' ? url : url(), PUBLISH_TIMEOUT_MS).catch(() => ({ body: '' }));
    if (done(body)) return performance.now() - started;
    await sleep(50);
  }
  return { na: `not within ${PUBLISH_TIMEOUT_MS / 1000} s` };
}

async function measureSize(stories: number): Promise<SizeResult> {
  const label = `${stories.toLocaleString('en-US')} stories`;
  const cells: Record<string, Cell> = {};
  const contentDir = path.join(work, `content-${stories}`);
  const site: Site = { contentDir, distDir: `.e2e/scale-${stories}`, runDir: `.e2e/scale-${stories}-run`, listenMs: [] };
  const dirs = [contentDir, path.join(ROOT, site.distDir), path.join(ROOT, site.runDir)];
  const removeDirs = () => dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  cleanups.add(removeDirs);
  removeDirs();

  const generated = await step(`${label}: generating`, () => {
    const progress = startProgress(`generating ${label}`);
    const result = generateContent({ count: stories, dir: contentDir, onProgress: progress.update });
    progress.finish();
    return result;
  });
  const build = { contentDir, distDir: site.distDir, prerenderLimit: PRERENDER_LIMIT, timeoutMs: BUILD_TIMEOUT_MS };
  const scratch = await step(`${label}: building from scratch`, () => buildSite(build));
  cells.buildScratch = scratch.seconds;
  cells.buildPeak = scratch.peakBytes / MB;
  const old = drawOldStories(stories, prerenderedSlugs(site.distDir));
  for (const slug of old.touched) addParagraph(contentDir, slug, `A correction added after the first build (${uniqueWord('touched')}).`);
  // Into the same dist directory: Next keeps its cache/ (where the content index lives) between builds.
  cells.buildChanged = (await step(`${label}: building after 3 files changed`, () => buildSite(build))).seconds;

  const deep = deepestListing(generated.perSection);
  notes.push(`Deep listing at ${label}: \`${deep}\`.`);
  const story = (base: string, slug: string) => `${base}/articles/${slug}`;
  const inProcess = await step(`${label}: search in process`, () => searchInProcess(site));
  cells.searchFirstInProcess = inProcess.first;
  cells.searchP50InProcess = inProcess.p50;
  cells.searchP99InProcess = inProcess.p99;
  cells.firstSearch = await step(`${label}: first search after a restart`, () =>
    withRestart(site, (s) => firstAnswer(searchUrl(s.url, QUERIES[0]!.q, 'first'), 'first search')),
  );
  cells.deepListing = await step(`${label}: ${deep} after a restart`, () =>
    withRestart(site, (s) => firstAnswer(`${s.url}${deep}`, 'deep listing')),
  );
  cells.feed = await step(`${label}: /feed.xml after a restart`, () => withRestart(site, (s) => firstAnswer(`${s.url}/feed.xml`, 'feed')));
  cells.sitemap = await step(`${label}: /sitemap.xml after a restart`, () =>
    withRestart(site, (s) => firstAnswer(`${s.url}/sitemap.xml`, 'sitemap')),
  );

  await step(`${label}: stories, search and publishing after a restart`, () =>
    withRestart(site, async (s) => {
      cells.firstStory = await firstAnswer(story(s.url, old.first), 'first uncached story');
      // Work the server does by itself once it answers (index building, body checks, watchers).
      const cpuBefore = treeCpuSeconds(s.pid);
      await sleep(LOOPS.cpuWindowSeconds * 1000);
      cells.cpuAfter = treeCpuSeconds(s.pid) - cpuBefore;

      const renders = await timeEach(
        old.renders.map((slug) => story(s.url, slug)),
        'uncached renders',
      );
      cells.storyMedian = renders.median;
      cells.storyP99 = renders.p99;
      // The same count of uncached renders of a bare ISR page, measured here so both see the same machine.
      const bare = await timeEach(
        Array.from({ length: LOOPS.renders }, (_, i) => `${floor!.url}/isr/floor-${stories}-${i}`),
        'uncached floor renders',
      );
      cells.floorMedian = bare.median;

      // Each query once first: the first search after a restart is its own row.
      for (const { kind, q } of QUERIES) {
        const { body } = await timedGet(searchUrl(s.url, q, 'warm'));
        if (!body.includes('href="/articles/')) failures.push(`search for ${kind} (${JSON.stringify(q)}) found nothing at ${label}`);
      }
      // A fresh parameter on each request: /search renders per request anyway, this keeps any cache in front honest.
      const searches = Array.from({ length: LOOPS.searches }, (_, i) => searchUrl(s.url, QUERIES[i % QUERIES.length]!.q, String(i)));
      const search = await timeEach(searches, 'searches');
      cells.searchP50 = search.median;
      cells.searchP99 = search.p99;

      cells.rss = treeRss(s.pid) / MB;
      cells.inotify = inotifyWatches(s.pid).watches;
      const health = await readHealth(s.url);
      const noHealth = { na: health.kind === 'missing' ? 'no /api/health' : 'index not ready' };
      cells.indexStories = health.kind === 'ready' ? health.health.stories : noHealth;
      cells.filesParsed = health.kind === 'ready' ? health.health.counters.filesParsed : noHealth;
      cells.bodiesCompiled = health.kind === 'ready' ? health.health.counters.bodiesCompiled : noHealth;

      cells.publish = await changedFileToServed(s, contentDir, old.publish);
      cells.publishNoHook = await changedFileToSearchable(s, contentDir, old.watched);
    }),
  );

  if (indexFiles(site.distDir).length === 0) {
    cells.rebuildIndex = { na: 'no index file' };
    cells.rebuildMs = { na: 'no index file' };
  } else {
    await step(`${label}: start with the index deleted`, () =>
      withRestart(
        site,
        async (s) => {
          // A rebuild reads and checks every story: give it what a build gets.
          const ready = await untilReady(s.url, { timeoutMs: BUILD_TIMEOUT_MS });
          cells.rebuildIndex = ready.at - s.startedAt;
          const reported = ready.health?.index.rebuildMs;
          cells.rebuildMs = typeof reported === 'number' ? reported : { na: ready.health ? 'rebuildMs null' : 'no /api/health' };
        },
        (runDir) => indexFiles(runDir).forEach((file) => rmSync(file, { force: true })),
      ),
    );
  }
  cells.listen = medianAndP99(site.listenMs).median;
  removeDirs();
  cleanups.delete(removeDirs);
  return { stories, cells };
}

function report(results: readonly SizeResult[], chartLink: string): string {
  const metrics = scaleMetrics(LOOPS);
  const command = `npm run bench:scale${smoke ? ' -- --smoke' : process.argv.includes('--sizes') ? ` -- --sizes ${SIZES.join(',')}` : ''}`;
  const lines = [
    `${SCALE_HEADING}${smoke ? ' (smoke)' : ''}`,
    '',
    `- Date: ${new Date().toISOString()}; machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 1024 ** 3).toFixed(0)} GB memory; Node ${process.version}`,
    `- Command: \`${command}\`; PRERENDER_LIMIT=${PRERENDER_LIMIT} at every size; old stories drawn with seed ${SEED} from outside the prerendered ones`,
    `- "After a restart": \`next start\` on a fresh copy of the build output (ISR cache empty past the prerendered pages, content index kept), one restart per first request measured.`,
    `- Searches: ${QUERIES.map((q) => `${q.kind} (\`${q.q}\`)`).join(', ')}; each once before timing, then cycled over HTTP; repeats of a query may reuse the server's in-process ranking, as readers' would.`,
    `- Targets are issue 14's, for 100,000 stories; cells are marked met or missed at the largest size measured.`,
    '',
    scaleTable(metrics, results),
    '',
    `![Cost against archive size](${chartLink})`,
    ...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
  ];
  return `${lines.join('\n')}\n`;
}

/** The framework's floor app, serving a bare ISR page beside each size's story renders. */
let floor: RunningServer | undefined;

async function main() {
  floor = await step('building the bare Next.js floor app', () => startFloorApp());
  cleanups.add(() => floor!.stop());
  const results: SizeResult[] = [];
  for (const size of SIZES) results.push(await measureSize(size));
  steps.finish();
  const metrics = scaleMetrics(LOOPS);
  const svg = renderScaleChart(chartRows(metrics, results));
  const outDir = smoke ? path.join(ROOT, 'reports') : path.join(ROOT, 'bench');
  mkdirSync(outDir, { recursive: true });
  const svgName = smoke ? 'bench-scale-smoke.svg' : 'scale.svg';
  writeFileSync(path.join(outDir, svgName), svg);
  const section = report(results, svgName);
  console.log(section);
  if (smoke) writeFileSync(path.join(outDir, 'bench-scale-smoke.md'), section);
  else {
    const file = path.join(outDir, 'results.md');
    const before = existsSync(file) ? readFileSync(file, 'utf8') : '# Bench results\n';
    writeFileSync(file, withSection(before, SCALE_HEADING, section));
  }
}

async function cleanup() {
  for (const fn of [...cleanups].reverse()) await fn();
  rmSync(work, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void cleanup().finally(() => process.exit(130));
  });
}

main()
  .then(async () => {
    await cleanup();
    if (failures.length) {
      console.error(`bench:scale: ${failures.length} failed request(s):\n${failures.map((f) => `  ${f}`).join('\n')}`);
      process.exit(1);
    }
  })
  .catch(async (error: unknown) => {
    steps.finish();
    console.error(error);
    await cleanup();
    process.exit(1);
  });
