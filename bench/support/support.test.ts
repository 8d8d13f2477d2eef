import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSteps } from './build-site';
import { inotifyWatches } from './inotify';
import { calibratedSlowdown, lighthouseArgs, readScores } from './run-lighthouse';
import { median } from './stats';
import { treeCpuSeconds, treePids, treeRss, untilIdle } from './memory';
import { benchNginxConfig, readDeployConfig } from './nginx';
import { scriptSources } from './page-weight';
import { parseDuration, parseWrk } from './wrk';

const WRK = `Running 3s test @ http://127.0.0.1:3000/
  2 threads and 50 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     5.12ms    1.02ms  20.31ms   90.00%
    Req/Sec     4.90k   300.00     5.50k    70.00%
  Latency Distribution
     50%    4.98ms
     75%    5.40ms
     90%    6.10ms
     99%   12.50ms
  29345 requests in 3.00s, 1.02GB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 7
Requests/sec:   9781.22
Transfer/sec:    340.12MB
`;

describe('wrk output', () => {
  it('reads requests, rate, percentiles, non-2xx and socket errors', () => {
    expect(parseWrk(WRK)).toEqual({
      requests: 29345,
      requestsPerSecond: 9781.22,
      p50Ms: 4.98,
      p99Ms: 12.5,
      non2xx: 7,
      socketErrors: 3,
    });
  });
  it('converts every unit wrk prints', () => {
    expect(parseDuration('812.00us')).toBeCloseTo(0.812);
    expect(parseDuration('1.20s')).toBe(1200);
    expect(parseDuration('2.00m')).toBe(120_000);
    expect(() => parseDuration('fast')).toThrow();
  });
  it('refuses output without latency percentiles', () => {
    expect(() => parseWrk('Requests/sec: 1')).toThrow(/no 50% latency/);
  });
});

describe('nginx config for the bench', () => {
  const root = path.resolve(__dirname, '..', '..');
  it('rewrites only the marked lines of deploy/nginx.conf', () => {
    const source = readDeployConfig(root);
    const config = benchNginxConfig(source, {
      pid: '/tmp/x.pid',
      cache: '/tmp/cache',
      upstreams: ['127.0.0.1:4000', '127.0.0.1:4002'],
      listen: '127.0.0.1:4001',
    });
    expect(config).toContain('pid /tmp/x.pid;');
    expect(config).toContain('proxy_cache_path /tmp/cache levels=1:2');
    expect(config).toMatch(/server 127\.0\.0\.1:4000 max_fails=3 fail_timeout=2s;\n\s+server 127\.0\.0\.1:4002 max_fails/);
    expect(config).toContain('listen 127.0.0.1:4001;');
    expect(config).not.toMatch(/# bench:/);
    expect(config.split('\n')).toHaveLength(source.split('\n').length);
  });
  it('leaves one upstream line as a comment for a single instance', () => {
    const config = benchNginxConfig(readDeployConfig(root), { pid: 'a', cache: 'b', upstreams: ['127.0.0.1:4000'], listen: 'd' });
    expect(config.match(/^\s+server \S+ max_fails/gm)).toHaveLength(1);
    expect(config).toContain('# (one instance)');
  });
  it('fails loudly if a marker disappears, or there are more instances than lines', () => {
    expect(() => benchNginxConfig('events {}', { pid: 'a', cache: 'b', upstreams: ['c'], listen: 'd' })).toThrow(/lost its/);
    expect(() => benchNginxConfig(readDeployConfig(root), { pid: 'a', cache: 'b', upstreams: ['c', 'd', 'e'], listen: 'f' })).toThrow(
      /2 upstream lines for 3/,
    );
  });
});

describe('page weight', () => {
  it('counts module scripts once and skips noModule polyfills and inline scripts', () => {
    const html =
      '<script src="/a.js" async=""></script><script src="/a.js"></script><script src="/p.js" noModule=""></script><script>inline()</script><script src="/b.js"></script>';
    expect(scriptSources(html)).toEqual(['/a.js', '/b.js']);
  });
});

describe('process tree memory', () => {
  it('includes child processes', async () => {
    const child = spawn(process.execPath, ['-e', 'const b = Buffer.alloc(64 * 1024 * 1024, 1); setTimeout(() => {}, 5000)']);
    await new Promise((resolve) => setTimeout(resolve, 700));
    const withChild = treeRss(process.pid);
    const self = process.memoryUsage().rss;
    child.kill();
    expect(withChild - self).toBeGreaterThan(60 * 1024 * 1024);
  });
});

describe('process tree ids', () => {
  it('lists the root and its children', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)']);
    await new Promise((r) => setTimeout(r, 200));
    const pids = treePids(process.pid);
    child.kill();
    expect(pids[0]).toBe(process.pid);
    expect(pids).toContain(child.pid);
  });
});

describe('inotify watches', () => {
  it('counts the instances and watches of a child that watches three directories', async () => {
    const script = `const fs = require('node:fs'); const os = require('node:os'); const path = require('node:path');
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'inotify-'));
      for (const d of ['a', 'b', 'c']) { fs.mkdirSync(path.join(root, d)); fs.watch(path.join(root, d)); }
      console.log(root); setTimeout(() => {}, 5000);`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const root = await new Promise<string>((resolve) => child.stdout.once('data', (chunk) => resolve(String(chunk).trim())));
    const use = inotifyWatches(child.pid!);
    child.kill();
    rmSync(root, { recursive: true, force: true });
    // libuv keeps one inotify instance for every fs.watch of a process.
    expect(use).toEqual({ instances: 1, watches: 3 });
  });
});

describe('process tree CPU', () => {
  it("counts a busy child's CPU time, and sees the tree idle once the child stops", async () => {
    const child = spawn(process.execPath, ['-e', 'const end = Date.now() + 1500; while (Date.now() < end);']);
    const before = treeCpuSeconds(process.pid);
    await new Promise((r) => setTimeout(r, 1000));
    expect(treeCpuSeconds(process.pid) - before).toBeGreaterThan(0.5);
    const settled = await untilIdle(child.pid!, { windowMs: 300, maxMs: 10_000 });
    expect(settled.idle).toBe(true);
    expect(settled.seconds).toBeGreaterThan(0.2);
    child.kill();
  });
});

describe('lighthouse report', () => {
  it('reads scores as percentages, the vitals, the long tasks and the observed (unthrottled) FCP and LCP', () => {
    const scores = readScores({
      categories: { performance: { score: 0.97 }, accessibility: { score: 1 }, 'best-practices': { score: 1 }, seo: { score: 0.92 } },
      audits: {
        'first-contentful-paint': { numericValue: 800 },
        'largest-contentful-paint': { numericValue: 1234.5 },
        'total-blocking-time': { numericValue: 10 },
        'cumulative-layout-shift': { numericValue: 0 },
        'long-tasks': { details: { items: [{ duration: 120 }, { duration: 65 }] } },
        metrics: { details: { items: [{ observedFirstContentfulPaint: 210, observedLargestContentfulPaint: 215 }] } },
      },
      environment: { benchmarkIndex: 1187.5 },
      configSettings: { throttling: { cpuSlowdownMultiplier: 4 } },
    });
    expect(scores).toEqual({
      performance: 97,
      accessibility: 100,
      bestPractices: 100,
      seo: 92,
      fcpMs: 800,
      lcpMs: 1234.5,
      tbtMs: 10,
      cls: 0,
      longTasks: 2,
      longestTaskMs: 120,
      observedFcpMs: 210,
      observedLcpMs: 215,
      benchmarkIndex: 1187.5,
      cpuSlowdownMultiplier: 4,
    });
  });

  it("calibrates the CPU slowdown by Lighthouse's table: 4x for a high-end desktop, 2x for a low-end one, 1x for a phone", () => {
    expect(calibratedSlowdown(1750)).toBe(4);
    expect(calibratedSlowdown(1250)).toBe(2);
    expect(calibratedSlowdown(1500)).toBe(3);
    expect(calibratedSlowdown(856)).toBe(1.5);
    expect(calibratedSlowdown(300)).toBe(1);
    expect(calibratedSlowdown(Number.NaN)).toBe(4);
    expect(calibratedSlowdown(2000)).toBe(5);
  });

  it('saves the trace beside the report, and passes each blocked pattern on its own', () => {
    const args = lighthouseArgs('http://127.0.0.1:1/x', '/tmp/r/report.json', '/tmp/r/profile', {
      cpuSlowdownMultiplier: 5.8,
      blockedUrlPatterns: ['http://127.0.0.1:1/media/*', '*.avif'],
    });
    expect(args).toContain('--save-assets');
    expect(args).toContain('--throttling.cpuSlowdownMultiplier=5.8');
    expect(args.filter((a) => a.startsWith('--blocked-url-patterns='))).toEqual([
      '--blocked-url-patterns=http://127.0.0.1:1/media/*',
      '--blocked-url-patterns=*.avif',
    ]);
    const plain = lighthouseArgs('http://127.0.0.1:1/x', '/tmp/r/report.json', '/tmp/r/profile');
    expect(plain.some((a) => a.startsWith('--blocked-url-patterns') || a.startsWith('--throttling'))).toBe(false);
  });
});

describe('median', () => {
  it('is the middle sample, the lower of the two middle ones for an even count, NaN for none', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([40, 10, 30, 20])).toBe(20);
    expect(median([])).toBeNaN();
  });
});

describe('build steps', () => {
  it('runs the content index step before next build once the project has one, as npm run build will', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'build-steps-'));
    try {
      expect(buildSteps(root).map((s) => s.name)).toEqual(['next build']);
      mkdirSync(path.join(root, 'scripts'));
      writeFileSync(path.join(root, 'scripts', 'content-index.mts'), '');
      const steps = buildSteps(root);
      expect(steps.map((s) => s.name)).toEqual(['content index', 'next build']);
      expect(steps[0]!.args).toEqual([path.join(root, 'node_modules', '.bin', 'tsx'), path.join(root, 'scripts', 'content-index.mts')]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
