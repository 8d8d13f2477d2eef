/**
 * Fault injection (issue 17): each case runs under load through deploy/nginx.conf in front of two
 * instances sharing Redis, on loopback, and is judged against the issue's targets.
 *
 *   npm run bench:faults              200 connections, Redis paused 10 s (writes bench/results.md, "## Faults")
 *   npm run bench:faults -- --smoke   20 connections, shorter phases (reports/faults-smoke.md; in npm test)
 *
 * nginx serves stale pages when Next fails, so a case could pass with Next down. The load mixes
 * cached pages with requests that must reach Next (a new search each time, and stories nginx has
 * not cached yet), and the report gives the share that did (X-Cache-Status), which must be a third.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from 'redis';
import { copyBuild, copyContent, startServer, writeTestStory, type RunningServer } from '@/e2e/support/server';
import { deserialize } from '@/lib/cache/codec.mjs';
import { startRedis } from '@/lib/cache/redis-server';
import { startLoad, type LoadReport } from './support/load';
import { withSection } from './support/markdown';
import { startReverseCache } from './support/nginx';
import { paths } from '@/lib/urls';

const ROOT = path.resolve(__dirname, '..');
const smoke = process.argv.includes('--smoke');
const CONNECTIONS = smoke ? 20 : 200;
/** Each connection's pause between requests: readers read. Offered at most CONNECTIONS / THINK_S a second. */
const THINK_MS = Number(process.env.FAULTS_THINK_MS ?? (smoke ? 400 : 6000));
/** `--only=<words>[,<words>]` runs the cases whose name contains any of them (and the baseline). */
const ONLY = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
const PAUSE_MS = smoke ? 5_000 : 10_000;
const KILL_ROUNDS = smoke ? 2 : 6;
/** Stories nginx has not cached: each is asked for once before the list comes round again. */
const ARCHIVE = smoke ? 700 : 1000;
/** Archive stories one pushed commit rewrites: more than a reconcile writes in one step (500), all counted exactly by search (1,000). */
const REWRITE = Math.min(900, ARCHIVE);
const SECRET = `faults-${Date.now()}`;
const PREFIX = `faults-${Date.now()}`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Row = { name: string; load?: LoadReport; verdict: boolean; notes: string };

function say(line: string) {
  console.log(line);
}

/**
 * The request mix, a third each: pages nginx caches, new searches (rendered for each query, about
 * 40 ms of CPU here), and old stories nginx has not cached (Next has them in Redis). The archive is
 * large enough that a story comes round again only after nginx's 30 s have passed.
 */
// Shared by every case's load, so a case does not start again on stories the last one just had cached.
let story = 0;
function mix(slugs: string[]) {
  let i = 0;
  const cached = ['/', '/world', '/politics', paths.story('ardmoor-participatory-budget'), '/feed.xml', '/authors/ines-okafor'];
  return () => {
    i++;
    if (i % 3 === 0) return cached[(i / 3) % cached.length]!;
    if (i % 3 === 1) return `/search?q=harbour+${i}`;
    return paths.story(slugs[story++ % slugs.length]!);
  };
}

function push(base: string, slug: string): Promise<number> {
  return pushFiles(base, [`content/articles/${slug}.mdx`]);
}

/** The webhook, as a bearer-token request naming the pushed files; its status. */
async function pushFiles(base: string, files: string[]): Promise<number> {
  const res = await fetch(`${base}/api/revalidate`, {
    method: 'POST',
    headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
    body: JSON.stringify({ files }),
    signal: AbortSignal.timeout(60_000),
  });
  await res.arrayBuffer();
  return res.status;
}

/** How many stories the instance's search finds with `word` (rendered from its index each time); undefined if it did not answer. */
async function newTextCount(base: string, word: string): Promise<number | undefined> {
  try {
    const res = await fetch(`${base}/search?q=${word}`, { signal: AbortSignal.timeout(10_000) });
    if (res.status !== 200) return undefined;
    // React separates text parts with comments: "900<!-- --> <!-- -->stories".
    const found = /([\d,]+) stor(?:y|ies) match/.exec((await res.text()).replaceAll('<!-- -->', ''));
    return found ? Number(found[1]!.replace(/,/g, '')) : 0;
  } catch {
    return undefined;
  }
}

/** Polls until `check` holds or `ms` pass; returns the milliseconds it took, or undefined. */
async function within(ms: number, check: () => Promise<boolean> | boolean): Promise<number | undefined> {
  const started = performance.now();
  while (performance.now() - started < ms) {
    if (await check()) return performance.now() - started;
    await sleep(100);
  }
  return undefined;
}

async function pageHas(base: string, pathname: string, text: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}${pathname}`, { signal: AbortSignal.timeout(5_000) });
    return res.status === 200 && (await res.text()).includes(text);
  } catch {
    return false;
  }
}

/** A page answered whole: 200 and the document closed. */
async function whole(base: string, pathname: string): Promise<boolean> {
  const res = await fetch(`${base}${pathname}`, { signal: AbortSignal.timeout(15_000) });
  return res.status === 200 && (await res.text()).trimEnd().endsWith('</html>');
}

function judgeLoad(load: LoadReport): { ok: boolean; share: number } {
  const share = load.requests ? load.reachedNext / load.requests : 0;
  return { ok: load.errors === 0 && load.status5xx === 0 && load.non2xx === 0 && share >= 1 / 3, share };
}

async function main(): Promise<boolean> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'news-rebeat-faults-'));
  const contentDir = copyContent();
  const slugs = Array.from({ length: ARCHIVE }, (_, i) => `archive-${i}`);
  slugs.forEach((slug, i) =>
    writeTestStory(contentDir, slug, {
      title: `Archive story ${i}`,
      dek: `An older story, number ${i}.`,
      body: `Filed long ago, story ${i}.\n\nA second paragraph.`,
      publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000),
    }),
  );
  const redis = await startRedis();
  const env = { REVALIDATE_SECRET: SECRET, REDIS_URL: redis.url, REDIS_KEY_PREFIX: PREFIX };
  const extra: RunningServer[] = [];
  const start = (port?: number) => startServer({ contentDir, isolated: true, env, port });
  /**
   * A new process for an instance that exited, on its port and its build copy, so it keeps its
   * content index as a server restarted in place does (a deploy indexes before it starts: ADR 0010).
   * The exited one owns the copy and removes it when it is stopped at the end.
   */
  const restart = (exited: RunningServer, port: number) => {
    extra.push(exited);
    return startServer({ contentDir, distDir: path.relative(ROOT, exited.distDir), env, port });
  };
  const servers: RunningServer[] = [await start(), await start()];
  const ports = servers.map((s) => Number(new URL(s.url).port));
  const nginx = await startReverseCache(
    path.join(work, 'nginx'),
    ROOT,
    servers.map((s) => s.url),
  );
  // Warm: every archive story rendered once into the shared cache, as an archive is in production.
  for (let k = 0; k < slugs.length; k += 8)
    await Promise.all(slugs.slice(k, k + 8).map((slug) => fetch(`${servers[0]!.url}/articles/${slug}`).then((r) => r.arrayBuffer())));
  const rows: Row[] = [];
  try {
    for (const [name, run] of [
      ['baseline', baseline],
      ['rolling restart', rollingRestart],
      ['kill -9 (Redis)', killDuringRegeneration],
      ['kill -9 (file-system cache)', killFileSystemCache],
      ['Redis paused', redisPaused],
      ['Redis restarted empty', redisRestartedEmpty],
      ['disk full', diskFull],
      ['git pull', gitPullRewrite],
    ] as const) {
      if (ONLY && name !== 'baseline' && !ONLY.split(',').some((part) => name.includes(part))) continue;
      // A case that throws is a failed row, and the others still run.
      rows.push(
        await run().catch((error: unknown) => ({
          name,
          verdict: false,
          notes: `threw: ${error instanceof Error ? error.message : String(error)}`,
        })),
      );
    }
  } finally {
    await nginx.stop();
    for (const s of [...servers, ...extra]) await s.stop();
    await redis.stop();
    rmSync(contentDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  }

  const cell = (load: LoadReport | undefined, pick: (l: LoadReport) => string) => (load ? pick(load) : '–');
  const table = [
    '| case | requests | errors | non-2xx | 5xx | p99 | reached Next | verdict | what happened |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.name} | ${cell(r.load, (l) => String(l.requests))} | ${cell(r.load, (l) => String(l.errors))} | ${cell(r.load, (l) => String(l.non2xx))} | ${cell(r.load, (l) => String(l.status5xx))} | ${cell(r.load, (l) => `${l.p99Ms.toFixed(0)} ms`)} | ${cell(r.load, (l) => `${((l.reachedNext / Math.max(1, l.requests)) * 100).toFixed(0)}%`)} | ${r.verdict ? 'pass' : 'FAIL'} | ${r.notes} |`,
    ),
  ];
  const ok = rows.every((r) => r.verdict);
  const report = [
    '## Faults',
    '',
    `Command: \`npm run bench:faults${smoke ? ' -- --smoke' : ''}\` · ${os.cpus().length} CPUs · ${new Date().toISOString().slice(0, 10)} · ${CONNECTIONS} connections, each pausing ${THINK_MS / 2}–${THINK_MS * 1.5} ms (at random) between requests, through deploy/nginx.conf in front of two instances (deploy/server.mjs) sharing one Redis, all on loopback · a third of the requests are pages nginx caches, a third new searches and a third stories nginx has not cached (${ARCHIVE} archive stories, rendered once into Redis before the cases), each request from its own reader address.`,
    '',
    ...table,
    '',
    `Result: ${ok ? 'pass' : 'FAIL'}.`,
    '',
  ].join('\n');
  say(report);
  const out = smoke ? path.join(ROOT, 'reports', 'faults-smoke.md') : path.join(ROOT, 'bench', 'results.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, smoke ? report : withSection(existsSync(out) ? readFileSync(out, 'utf8') : '', '## Faults', report));
  return ok;

  /** The same load with no fault: what the cases' figures compare with, in the same run. */
  async function baseline(): Promise<Row> {
    say('== baseline');
    // First requests after a start compile and fill caches: warm up, unreported.
    const warm = startLoad(nginx.url, { connections: CONNECTIONS, next: mix(slugs), thinkMs: THINK_MS });
    await sleep(5_000);
    await warm.stop();
    const load = startLoad(nginx.url, { connections: CONNECTIONS, next: mix(slugs), thinkMs: THINK_MS });
    await sleep(smoke ? 8_000 : 30_000);
    const report = await load.stop();
    const judged = judgeLoad(report);
    return {
      name: 'no fault (the baseline)',
      load: report,
      verdict: judged.ok,
      notes: `${(report.requests / (smoke ? 8 : 30)).toFixed(0)} requests a second${report.samples.length ? `; ${report.samples.join('; ')}` : ''}`,
    };
  }

  /** SIGTERM to each instance in turn under load; each drains, exits 0 and comes back on its port. */
  async function rollingRestart(): Promise<Row> {
    say('== rolling restart');
    const load = startLoad(nginx.url, { connections: CONNECTIONS, next: mix(slugs), thinkMs: THINK_MS });
    await sleep(3_000);
    const logFrom = nginx.log().length;
    const notes: string[] = [];
    let exitsClean = true;
    for (const i of [0, 1]) {
      const began = performance.now();
      servers[i]!.signal('SIGTERM');
      const code = await servers[i]!.exited;
      const drained = performance.now() - began;
      exitsClean &&= code === 0 && drained < 10_500;
      servers[i] = await restart(servers[i]!, ports[i]!);
      notes.push(
        `${'AB'[i]}: exit ${code} after ${(drained / 1000).toFixed(1)} s, ready again after ${((performance.now() - began) / 1000).toFixed(1)} s`,
      );
      await sleep(3_000);
    }
    const report = await load.stop();
    const judged = judgeLoad(report);
    // Why nginx answered 502 itself, if it did: both instances skipped, or one failing mid-answer.
    const noLive = (
      nginx
        .log()
        .slice(logFrom)
        .match(/no live upstreams/g) ?? []
    ).length;
    return {
      name: 'rolling restart of both instances (SIGTERM, drain, start)',
      load: report,
      verdict: judged.ok && exitsClean,
      notes: [...notes, `nginx logged "no live upstreams" ${noLive} time(s)`, ...report.samples].join('; '),
    };
  }

  /**
   * A publish, then `kill -9` of the instance rendering its pages, at a different moment each round.
   * After the restart every page is whole from both instances, and every entry in Redis decodes.
   */
  async function killDuringRegeneration(): Promise<Row> {
    say('== kill -9 during regeneration (Redis)');
    const load = startLoad(nginx.url, { connections: CONNECTIONS, next: mix(slugs), thinkMs: THINK_MS });
    const logFrom = nginx.log().length;
    const checked = new Set<string>();
    let broken = 0;
    for (let round = 0; round < KILL_ROUNDS; round++) {
      const slug = slugs[round]!;
      writeTestStory(contentDir, slug, {
        title: `Archive story ${round}, revised`,
        dek: `Revised in round ${round}.`,
        body: `Revised after a kill, round ${round}.`,
      });
      const status = await push(nginx.url, slug);
      if (status !== 200) broken++;
      const victim = round % 2;
      const pages = [
        '/',
        '/world',
        paths.story(slug),
        ...Array.from({ length: 20 }, (_, k) => paths.story(slugs[(20 + round * 20 + k) % slugs.length]!)),
      ];
      const inFlight = pages.map((p) =>
        fetch(`${servers[victim]!.url}${p}`)
          .then((r) => r.arrayBuffer())
          .catch(() => undefined),
      );
      await sleep(20 + round * 60);
      servers[victim]!.signal('SIGKILL');
      await servers[victim]!.exited;
      await Promise.all(inFlight);
      servers[victim] = await restart(servers[victim]!, ports[victim]!);
      // nginx skips an instance for 2 s after it last refused a request (fail_timeout): the next
      // round's kill of the other one waits that long, as docs/deploy.md's recipe does.
      await sleep(3_000);
      for (const server of servers)
        for (const p of pages) {
          checked.add(`${server.url}${p}`);
          if (!(await whole(server.url, p))) broken++;
        }
    }
    const report = await load.stop();
    // Every entry Redis holds decodes, and every stored page is a whole document.
    const client = createClient({ url: redis.url });
    await client.connect();
    let entries = 0;
    let torn = 0;
    for await (const keys of client.scanIterator({ MATCH: `${PREFIX}:*:entry:*`, COUNT: 500 })) {
      for (const key of keys) {
        const text = await client.get(key);
        if (!text) continue;
        entries++;
        try {
          const value = deserialize(text).value as { kind?: string; html?: string } | null;
          if (value?.kind === 'APP_PAGE' && typeof value.html === 'string' && !value.html.trimEnd().endsWith('</html>')) torn++;
        } catch {
          torn++;
        }
      }
    }
    await client.quit();
    // Judged on what the restart serves. A response the killed process was sending when it died is
    // cut: nginx had begun answering it, so it cannot try the other instance. Those are counted.
    const share = report.reachedNext / Math.max(1, report.requests);
    return {
      name: `kill -9 while regenerating after a publish (${KILL_ROUNDS} rounds, Redis)`,
      load: report,
      verdict: broken === 0 && torn === 0 && report.status5xx === 0 && report.non2xx === 0 && share >= 1 / 3,
      notes: `${checked.size} pages read after restarts: ${broken} not whole; ${entries} Redis entries: ${torn} torn; ${report.errors} responses cut as the killed process died (being sent, so not retried)${report.samples.length ? `: ${report.samples.slice(0, 2).join('; ')}` : ''}; nginx: ${edgeErrors(nginx.log().slice(logFrom))}`,
    };
  }

  /** The same kill on one instance with the file-system cache: the torn-write risk is the cache file. */
  async function killFileSystemCache(): Promise<Row> {
    say('== kill -9 during regeneration (file-system cache)');
    let single = await startServer({ contentDir, isolated: true, env: { REVALIDATE_SECRET: SECRET } });
    extra.push(single);
    const distDir = path.relative(ROOT, single.distDir);
    const port = Number(new URL(single.url).port);
    let leftovers = 0;
    let broken = 0;
    let pagesRead = 0;
    const routeCache = path.join(single.distDir, 'server', 'route-cache');
    for (let round = 0; round < KILL_ROUNDS; round++) {
      const slug = slugs[50 + round]!;
      writeTestStory(contentDir, slug, {
        title: `Archive story ${50 + round}, revised`,
        dek: 'Revised.',
        body: `Revised, round ${round}. ${'A longer paragraph. '.repeat(200)}`,
      });
      if ((await push(single.url, slug)) !== 200) broken++;
      const pages = [
        '/',
        '/world',
        paths.story(slug),
        ...Array.from({ length: 30 }, (_, k) => paths.story(slugs[(60 + round * 30 + k) % slugs.length]!)),
      ];
      const inFlight = pages.map((p) =>
        fetch(`${single.url}${p}`)
          .then((r) => r.arrayBuffer())
          .catch(() => undefined),
      );
      await sleep(30 + round * 50);
      single.signal('SIGKILL');
      await single.exited;
      await Promise.all(inFlight);
      leftovers += files(routeCache).filter((f) => f.endsWith('.tmp')).length;
      // Restarted on the same build directory: the cache files it left are read again.
      single = await startServer({ contentDir, distDir, env: { REVALIDATE_SECRET: SECRET }, port });
      extra.push(single);
      for (const p of pages) {
        pagesRead++;
        if (!(await whole(single.url, p))) broken++;
      }
    }
    const tornFiles = files(routeCache).filter((f) => f.endsWith('.html') && !readFileSync(f, 'utf8').trimEnd().endsWith('</html>')).length;
    // A temporary file the restarted process is writing now is renamed within milliseconds (each
    // has its own name): left over is one still there 2 s later.
    const writing = files(routeCache).filter((f) => f.endsWith('.tmp'));
    await sleep(2_000);
    const stray = writing.filter((f) => existsSync(f)).length;
    return {
      name: `kill -9 while regenerating, one instance, file-system cache (${KILL_ROUNDS} rounds)`,
      verdict: broken === 0 && tornFiles === 0 && stray === 0,
      notes: `${pagesRead} pages read after restarts: ${broken} not whole; ${tornFiles} truncated .html files in the cache; ${leftovers} half-written temporary files found after the kills, ${stray} left after restart`,
    };
  }

  /** Redis stopped (SIGSTOP) with a publish during the pause; both instances serve it once it resumes. */
  async function redisPaused(): Promise<Row> {
    say('== Redis paused');
    const slug = slugs[7]!;
    const marker = `Published while Redis was paused ${Date.now()}`;
    // Both instances hold the old page in Redis, as readers had it.
    for (const s of servers) await fetch(`${s.url}/articles/${slug}`).then((r) => r.arrayBuffer());
    const load = startLoad(nginx.url, { connections: CONNECTIONS, next: mix(slugs), thinkMs: THINK_MS });
    await sleep(2_000);
    const marks = servers.map((s) => s.output().length);
    redis.pause();
    await sleep(1_000);
    writeTestStory(contentDir, slug, { title: 'Archive story 7, revised', dek: 'Revised during the pause.', body: marker });
    const pushed = await push(nginx.url, slug);
    await sleep(PAUSE_MS - 1_000);
    redis.resume();
    const back = await Promise.all(servers.map((s, i) => within(15_000, () => usesRedis(s.output().slice(marks[i])))));
    const served = await Promise.all(servers.map((s) => within(15_000, () => pageHas(s.url, paths.story(slug), marker))));
    // What each instance said of Redis meanwhile, for a slow return to be read from the bench's output.
    servers.forEach((s, i) => say(`${'AB'[i]}: ${cacheLines(s.output().slice(marks[i])).join(' | ') || 'nothing about Redis'}`));
    await sleep(2_000);
    const report = await load.stop();
    const judged = judgeLoad(report);
    const backOk = back.every((ms) => ms !== undefined && ms < 5_000);
    const servedOk = served.every((ms) => ms !== undefined);
    return {
      name: `Redis paused ${PAUSE_MS / 1000} s (SIGSTOP), a publish during the pause`,
      load: report,
      verdict: judged.ok && report.p99Ms < 1_500 && backOk && servedOk && pushed === 200,
      notes: `webhook ${pushed}; Redis used again ${back.map(seconds).join(' and ')} after it resumed; the publish served by both ${served.map(seconds).join(' and ')} after${report.samples.length ? `; ${report.samples.join('; ')}` : ''}`,
    };
  }

  /** Redis killed, then started empty on its port. */
  async function redisRestartedEmpty(): Promise<Row> {
    say('== Redis killed and restarted empty');
    const load = startLoad(nginx.url, { connections: CONNECTIONS, next: mix(slugs), thinkMs: THINK_MS });
    await sleep(2_000);
    const marks = servers.map((s) => s.output().length);
    await redis.stop();
    await sleep(3_000);
    await redis.start();
    const back = await Promise.all(servers.map((s, i) => within(15_000, () => usesRedis(s.output().slice(marks[i])))));
    await sleep(2_000);
    const report = await load.stop();
    const judged = judgeLoad(report);
    return {
      name: 'Redis killed for 3 s, restarted empty',
      load: report,
      verdict: judged.ok && back.every((ms) => ms !== undefined),
      notes: `Redis used again ${back.map(seconds).join(' and ')} after it started${report.samples.length ? `; ${report.samples.join('; ')}` : ''}`,
    };
  }

  /** One instance whose page cache is a full 1 MB tmpfs: pages still answer, one log line. */
  async function diskFull(): Promise<Row> {
    say('== disk full');
    const name = 'full disk under one instance’s page cache (file-system cache, tmpfs)';
    // A copy of the build without its route cache: the mount takes its place.
    const dist = copyBuild();
    const routeCache = path.join(dist, 'server', 'route-cache');
    mkdirSync(routeCache, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', routeCache], { stdio: 'pipe' });
    } catch (error) {
      rmSync(dist, { recursive: true, force: true });
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      return { name, verdict: true, notes: `not run: mount refused (${reason}); lib/cache/file-cache-handler.test.ts covers ENOSPC` };
    }
    try {
      // Fill it: every write of a page then fails with ENOSPC.
      try {
        writeFileSync(path.join(routeCache, 'filler'), Buffer.alloc(2 * 1024 * 1024));
      } catch {
        /* full */
      }
      const single = await startServer({ contentDir, distDir: path.relative(ROOT, dist), env: { REVALIDATE_SECRET: SECRET } });
      extra.push(single);
      let i = 0;
      const pages = [
        '/',
        '/world',
        '/politics',
        paths.story('ardmoor-participatory-budget'),
        ...slugs.slice(100, 140).map((s) => paths.story(s)),
      ];
      const load = startLoad(single.url, {
        connections: Math.min(CONNECTIONS, 20),
        next: () => pages[i++ % pages.length]!,
        thinkMs: THINK_MS,
      });
      await sleep(smoke ? 4_000 : 15_000);
      const report = await load.stop();
      await single.stop();
      const logged = (single.output().match(/could not write the page cache/g) ?? []).length;
      return {
        name,
        load: { ...report, reachedNext: report.requests },
        verdict: report.errors === 0 && report.status5xx === 0 && report.non2xx === 0 && logged === 1,
        notes: `straight at the instance (no nginx); "could not write the page cache" logged ${logged} time(s)`,
      };
    } finally {
      execFileSync('umount', [routeCache]);
      rmSync(dist, { recursive: true, force: true });
    }
  }

  /**
   * Push-to-publish from git (CONTENT_GIT_PULL=1): two instances, each on its own checkout of one
   * remote, the webhook sent to each (docs/deploy.md). A commit rewrites most of the archive; while
   * each instance pulls and reads it, a search probe at each counts the stories with the new text,
   * which must only ever be none or all. Then the remote is unreachable: 502, the site unchanged;
   * then it is back, and the next push recovers.
   */
  async function gitPullRewrite(): Promise<Row> {
    say('== git pull');
    const name = `a push rewriting ${REWRITE} stories, pulled by each instance (CONTENT_GIT_PULL=1), then a failed pull`;
    const dir = path.join(work, 'git');
    const git = (cwd: string, ...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Faults', '-c', 'user.email=faults@example.invalid', '-c', 'init.defaultBranch=main', ...args], {
        cwd,
        stdio: 'pipe',
      });
    const editor = path.join(dir, 'editor');
    const origin = path.join(dir, 'origin.git');
    mkdirSync(dir, { recursive: true });
    cpSync(contentDir, editor, { recursive: true });
    git(editor, 'init', '--quiet');
    git(editor, 'add', '-A');
    git(editor, 'commit', '--quiet', '-m', 'The archive');
    git(dir, 'clone', '--quiet', '--bare', editor, origin);
    git(editor, 'remote', 'add', 'origin', origin);
    const checkouts = ['a', 'b'].map((x) => path.join(dir, x));
    for (const c of checkouts) git(dir, 'clone', '--quiet', origin, c);
    const pullers = await Promise.all(
      checkouts.map((c) =>
        startServer({
          contentDir: c,
          isolated: true,
          env: { ...env, CONTENT_GIT_PULL: '1', REDIS_KEY_PREFIX: `${PREFIX}-git` },
        }),
      ),
    );
    extra.push(...pullers);
    const edge = await startReverseCache(
      path.join(work, 'nginx-git'),
      ROOT,
      pullers.map((s) => s.url),
    );
    const marker = 'Zorbelt';
    const counts = pullers.map(() => new Set<number>());
    let probing = true;
    const probes = pullers.map(async (s, i) => {
      while (probing) {
        const n = await newTextCount(s.url, marker);
        if (n !== undefined) counts[i]!.add(n);
        await sleep(50);
      }
    });
    try {
      const load = startLoad(edge.url, { connections: CONNECTIONS, next: mix(slugs), thinkMs: THINK_MS });
      await sleep(3_000);
      const files = slugs.slice(0, REWRITE).map((slug) => `content/articles/${slug}.mdx`);
      slugs.slice(0, REWRITE).forEach((slug, i) =>
        writeTestStory(editor, slug, {
          title: `Archive story ${i}, second edition`,
          dek: `An older story, number ${i}, revised.`,
          body: `${marker}: revised long after, story ${i}.\n\nA second paragraph.`,
          publishedAt: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000),
        }),
      );
      git(editor, 'commit', '--quiet', '-am', 'A second edition of the archive');
      git(editor, 'push', '--quiet', 'origin', 'main');
      const began = performance.now();
      const pushed = await Promise.all(pullers.map((s) => pushFiles(s.url, files)));
      const pulledIn = performance.now() - began;
      await sleep(500);
      // The remote unreachable, and a commit it holds that the checkouts cannot fetch.
      renameSync(origin, `${origin}.away`);
      writeTestStory(editor, slugs[1]!, {
        title: 'Archive story 1, third edition',
        dek: 'Revised again.',
        body: `${marker}: third edition.`,
      });
      git(editor, 'commit', '--quiet', '-am', 'A third edition of story 1');
      git(editor, 'push', '--quiet', `${origin}.away`, 'main');
      const refused = await Promise.all(pullers.map((s) => pushFiles(s.url, [files[1]!])));
      await sleep(1_000);
      const unchanged = (
        await Promise.all(
          pullers.map(
            async (s) =>
              !(await pageHas(s.url, paths.story(slugs[1]!), 'third edition')) && (await newTextCount(s.url, marker)) === REWRITE,
          ),
        )
      ).every(Boolean);
      renameSync(`${origin}.away`, origin);
      const recovered = await Promise.all(pullers.map((s) => pushFiles(s.url, [files[1]!])));
      const served = await Promise.all(pullers.map((s) => within(15_000, () => pageHas(s.url, paths.story(slugs[1]!), 'third edition'))));
      await sleep(2_000);
      const report = await load.stop();
      probing = false;
      await Promise.all(probes);
      const judged = judgeLoad(report);
      const mixed = counts.map((c) => [...c].filter((n) => n !== 0 && n !== REWRITE));
      const seenAll = counts.every((c) => c.has(REWRITE));
      return {
        name,
        load: report,
        verdict:
          judged.ok &&
          pushed.every((x) => x === 200) &&
          refused.every((x) => x === 502) &&
          recovered.every((x) => x === 200) &&
          mixed.every((m) => m.length === 0) &&
          seenAll &&
          unchanged &&
          served.every((ms) => ms !== undefined),
        notes: [
          `webhooks ${pushed.join(', ')} in ${seconds(pulledIn)} (pull and read)`,
          `search probes counted ${counts.map((c, i) => `${'AB'[i]}: ${[...c].sort((x, y) => x - y).join(' or ')}`).join(', ')} stories with the new text (a mix: ${mixed.flat().length ? mixed.flat().join(', ') : 'never'})`,
          `remote unreachable: webhooks ${refused.join(', ')}, site ${unchanged ? 'unchanged' : 'CHANGED'}`,
          `remote back: webhooks ${recovered.join(', ')}, the new commit served ${served.map(seconds).join(' and ')} after`,
          ...report.samples,
        ].join('; '),
      };
    } finally {
      probing = false;
      await edge.stop();
    }
  }
}

/** A delay from `within`, for the report. */
function seconds(ms: number | undefined): string {
  return ms === undefined ? 'never' : `${(ms / 1000).toFixed(1)} s`;
}

/** nginx's errors by kind ("no live upstreams", "connect() failed", ...), counted. */
function edgeErrors(log: string): string {
  const kinds = new Map<string, number>();
  for (const line of log.split('\n')) {
    const kind = /\[error\] \d+#\d+: \*\d+ (.+?) (?:while|,)/.exec(line)?.[1];
    if (kind) kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return kinds.size ? [...kinds].map(([k, n]) => `${n}× ${k}`).join(', ') : 'no errors';
}

/** An instance's cache log lines, in order. */
function cacheLines(log: string): string[] {
  return log.split('\n').filter((line) => line.includes('[cache]'));
}

/** From an instance's log since a fault began: it uses Redis (never lost it, or logged its return). */
function usesRedis(log: string): boolean {
  return !log.includes('Redis is unavailable') || log.lastIndexOf('Redis is back') > log.lastIndexOf('Redis is unavailable');
}

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f, { throwIfNoEntry: false })?.isFile());
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
