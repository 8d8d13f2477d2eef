/**
 * Live coverage under load (issue 19): the sample live page at 200 connections for 60 s while an
 * update is pushed through the webhook every 5 s, first at `next start` directly, then through
 * deploy/nginx.conf in front of it. A separate reader asks the page every 250 ms after each push
 * and times how long the update takes to appear. Target: no errors, every update visible within
 * 10 s of its push. Appends its table to bench/results.md.
 *
 *   npm run bench:live              60 s per phase at 200 connections, a push every 5 s
 *   npm run bench:live -- --smoke   10 s per phase at 50 connections, a push every 2 s (CI;
 *                                   reports/live-smoke.md; judges errors and that every update
 *                                   appeared, not the 10 s target, on a shared CI machine)
 *
 * Loopback only, bounded in time; the server is a private copy of the build on copied content.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { paths } from '@/lib/urls';
import { siteBehindNginx } from './support/nginx';
import { keepReport, runBench } from './support/report';
import { medianAndP99 } from './support/stats';
import { loadTest, type LoadResult } from './support/wrk';

const ROOT = path.resolve(__dirname, '..');
const smoke = process.argv.includes('--smoke');
const LOAD = smoke ? { connections: 50, seconds: 10, pushEveryMs: 2_000 } : { connections: 200, seconds: 60, pushEveryMs: 5_000 };
const TARGET_MS = 10_000;
// A reader gives up on an update after this long: it counts as not visible.
const GIVE_UP_MS = 30_000;
const POLL_MS = 250;
const SECRET = `live-bench-${Date.now()}`;
// The sample live story (content/articles/storm-halvard-live.mdx), made live again in the copy.
const STORY = 'storm-halvard-live';
const PAGE = paths.live(STORY);

type Phase = {
  name: string;
  load: LoadResult;
  errorLine: string;
  pushed: number;
  pushFailures: number;
  visibleMs: number[];
  missed: string[];
};

/** Reopens the sample's coverage in the copied content: status live, no end. */
function reopenCoverage(contentDir: string) {
  const file = path.join(contentDir, 'articles', `${STORY}.mdx`);
  const source = readFileSync(file, 'utf8');
  const reopened = source.replace(/^ {2}status: ended$/m, '  status: live').replace(/^ {2}coverageEnd: .*\n/m, '');
  if (reopened === source) throw new Error(`${file}: no "status: ended" and coverageEnd to reopen`);
  writeFileSync(file, reopened);
}

/** The load on `base`'s live page, with an update pushed every few seconds and timed until a reader sees it. */
async function phase(name: string, base: string, origin: string, contentDir: string): Promise<Phase> {
  const folder = path.join(contentDir, 'live', STORY);
  mkdirSync(folder, { recursive: true });
  const visibleMs: number[] = [];
  const missed: string[] = [];
  const watching: Promise<void>[] = [];
  let pushed = 0;
  let pushFailures = 0;

  const pushOne = async () => {
    const id = `bench-${name.replace(/\W+/g, '-')}-${pushed + pushFailures + 1}`;
    // A second in the past: an update timed in the future stays hidden until its time.
    const time = new Date(Date.now() - 1_000).toISOString();
    writeFileSync(path.join(folder, `${id}.mdx`), `---\ntime: ${time}\ntitle: "Bench update ${id}"\n---\n\nPushed under load.\n`);
    const pushedAt = performance.now();
    try {
      const res = await fetch(`${origin}/api/revalidate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' },
        body: JSON.stringify({ files: [`content/live/${STORY}/${id}.mdx`] }),
      });
      if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
      pushed++;
    } catch (error) {
      pushFailures++;
      console.error(`push ${id} failed:`, error);
      return;
    }
    // A reader reloading the page (no cookies, as a visitor): when is the update there?
    watching.push(
      (async () => {
        while (performance.now() - pushedAt < GIVE_UP_MS) {
          try {
            const html = await (await fetch(`${base}${PAGE}`)).text();
            if (html.includes(`id="${id}"`)) {
              visibleMs.push(performance.now() - pushedAt);
              return;
            }
          } catch {
            /* counted by wrk's errors; keep asking */
          }
          await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        }
        missed.push(id);
      })(),
    );
  };

  const loading = loadTest(`${base}${PAGE}`, { connections: LOAD.connections, seconds: LOAD.seconds });
  const pushing: Promise<void>[] = [];
  const timer = setInterval(() => pushing.push(pushOne()), LOAD.pushEveryMs);
  const load = await loading;
  clearInterval(timer);
  // A push still waiting on the webhook adds its reader when it returns: wait for both.
  await Promise.all(pushing);
  await Promise.all(watching);
  return { name, load, errorLine: load.errorLine, pushed, pushFailures, visibleMs, missed };
}

async function main() {
  const site = await siteBehindNginx(ROOT, { env: { REVALIDATE_SECRET: SECRET }, prepare: reopenCoverage });
  const { server, nginx, contentDir } = site;
  try {
    for (const base of [server.url, nginx.url]) {
      const res = await fetch(`${base}${PAGE}`);
      if (res.status !== 200) throw new Error(`${base}${PAGE} answered ${res.status} before the load`);
      if (!(await res.text()).includes('class="live-label')) throw new Error(`${PAGE} does not read as live coverage`);
    }
    const direct = await phase('direct', server.url, server.url, contentDir);
    const behindNginx = await phase('nginx', nginx.url, server.url, contentDir);
    const phases = [direct, behindNginx];
    const logged5xx = (server.output().match(/⨯|Error:/g) ?? []).length;

    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    const row = (p: Phase) => {
      const { median, p99 } = medianAndP99(p.visibleMs);
      const slowest = p.visibleMs.length ? Math.max(...p.visibleMs) : Number.NaN;
      const late = p.visibleMs.filter((ms) => ms > TARGET_MS).length;
      return `| ${p.name === 'direct' ? 'next start directly' : 'through deploy/nginx.conf'} | ${LOAD.connections} | ${LOAD.seconds} s | ${p.load.requests} | ${p.load.requestsPerSecond.toFixed(0)} | ${p.load.socketErrors} | ${p.load.non2xx} | ${p.load.p99Ms.toFixed(0)} ms | ${p.pushed} (${p.pushFailures} failed) | ${s(median)} / ${s(p99)} / ${s(slowest)} | ${late + p.missed.length} |`;
    };
    const errors = phases.reduce((n, p) => n + p.load.socketErrors + p.load.non2xx + p.pushFailures, 0);
    const allSeen = phases.every((p) => p.missed.length === 0 && p.visibleMs.length === p.pushed && p.pushed > 0);
    const inTime = phases.every((p) => p.visibleMs.every((ms) => ms <= TARGET_MS));
    // The smoke run checks the script and the behaviour (no errors, every update seen), not the
    // 10 s target: CI machines are shared. The full run judges the target too.
    const ok = errors === 0 && allSeen && (smoke || inTime);
    const report = [
      '',
      `## Live coverage under load${smoke ? ' (smoke)' : ''}, ${new Date().toISOString().slice(0, 16)}Z`,
      '',
      `Command: \`npm run bench:live${smoke ? ' -- --smoke' : ''}\` · ${os.cpus().length} CPUs · one \`next start\` (file-system cache), then deploy/nginx.conf in front of it · page ${PAGE} (the sample and its 30 updates, reopened in a copy of the content) · an update pushed through the webhook every ${LOAD.pushEveryMs / 1000} s · a reader reloads every ${POLL_MS} ms after each push`,
      '',
      '| phase | connections | length | requests | req/s | socket errors | non-2xx | p99 | updates pushed | visible after (median / p99 / slowest) | later than 10 s or never |',
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...phases.map(row),
      '',
      `Direct ${direct.errorLine}. Through nginx ${behindNginx.errorLine}. Errors logged by the server: ${logged5xx}.`,
      ...phases.filter((p) => p.missed.length).map((p) => `Never seen within ${GIVE_UP_MS / 1000} s (${p.name}): ${p.missed.join(', ')}.`),
      '',
      `Result: ${ok ? 'pass' : 'FAIL'} (target: 0 errors, every update visible within ${TARGET_MS / 1000} s${smoke ? '; smoke judges errors and that every update appeared' : ''}).`,
      '',
    ].join('\n');
    keepReport(report, { name: 'live', smoke });
    return ok;
  } finally {
    await site.stop();
  }
}

runBench(main);
