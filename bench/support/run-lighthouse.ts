import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { CHROMIUM_LAUNCH } from '@/e2e/support/chromium';
import { lcpElement, type LcpElement, type TraceEvent } from './lcp-element';

const run = promisify(execFile);

export type LighthouseScores = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  fcpMs: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Main-thread tasks over 50 ms (Lighthouse's long-tasks audit, simulated): the ones that delay a tap. */
  longTasks: number;
  longestTaskMs: number;
  /**
   * FCP and LCP in the unthrottled trace Lighthouse recorded, before its simulation: where the
   * simulated LCP comes from (its largest-contentful-paint-element audit fails with this Chromium:
   * bench/support/lcp-element.ts reads the element from the trace instead).
   */
  observedFcpMs: number;
  observedLcpMs: number;
  /** Lighthouse's own measure of the host CPU (`environment.benchmarkIndex`). */
  benchmarkIndex: number;
  cpuSlowdownMultiplier: number;
};

/** One run: its scores, and the element it saw as LCP. */
export type LighthouseRun = LighthouseScores & { lcpElement: LcpElement };

export type LighthouseOptions = {
  /** Lighthouse's CPU slowdown; its default (4x) when left out. */
  cpuSlowdownMultiplier?: number;
  /** Requests Chrome fails on purpose (bench/support/pictures.ts pictureBlockPatterns). */
  blockedUrlPatterns?: readonly string[];
};

type Report = {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number; errorMessage?: string; details?: { items?: Record<string, unknown>[] } }>;
  environment?: { benchmarkIndex?: number };
  configSettings?: { throttling?: { cpuSlowdownMultiplier?: number } };
};

export function readScores(report: Report): LighthouseScores {
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  const tasks = (report.audits['long-tasks']?.details?.items ?? []).map((t) => Number(t.duration));
  const observed = report.audits.metrics?.details?.items?.[0] ?? {};
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    fcpMs: audit('first-contentful-paint'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    longTasks: tasks.length,
    longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
    observedFcpMs: Number(observed.observedFirstContentfulPaint ?? Number.NaN),
    observedLcpMs: Number(observed.observedLargestContentfulPaint ?? Number.NaN),
    benchmarkIndex: report.environment?.benchmarkIndex ?? Number.NaN,
    cpuSlowdownMultiplier: report.configSettings?.throttling?.cpuSlowdownMultiplier ?? Number.NaN,
  };
}

/**
 * The CPU slowdown that makes this host a mid-tier phone, from Lighthouse's own calibration table
 * (docs/throttling.md, "Calibrating the CPU slowdown"): the default 4x assumes a high-end desktop
 * (benchmarkIndex 1500-2000); a low-end desktop (1000-1500) takes 2x, a mid-tier phone 1x.
 * Interpolated between the middles of those brackets.
 */
export function calibratedSlowdown(benchmarkIndex: number): number {
  const points: [number, number][] = [
    [462, 1],
    [1250, 2],
    [1750, 4],
  ];
  // Unknown: Lighthouse's default.
  if (!Number.isFinite(benchmarkIndex)) return 4;
  if (benchmarkIndex <= points[0]![0]) return 1;
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    if (benchmarkIndex <= x1) return Math.round((y0 + ((benchmarkIndex - x0) * (y1 - y0)) / (x1 - x0)) * 10) / 10;
  }
  const [x0, y0] = points.at(-2)!;
  const [x1, y1] = points.at(-1)!;
  return Math.round((y1 + ((benchmarkIndex - x1) * (y1 - y0)) / (x1 - x0)) * 10) / 10;
}

/** Lighthouse 12 (mobile, simulated throttling; default 4x CPU slowdown) in Debian's Chromium, headless. */
export async function lighthouse(url: string, root: string, options: LighthouseOptions = {}): Promise<LighthouseRun> {
  try {
    return await lighthouseOnce(url, root, options);
  } catch (error) {
    // Lighthouse's own trace recording sometimes fails on this shared machine (NO_NAVSTART, "run
    // Lighthouse again"): that is the tool, not the page, so it gets one more run.
    if (!String((error as { stderr?: string }).stderr ?? error).includes('Please run Lighthouse again')) throw error;
    return lighthouseOnce(url, root, options);
  }
}

/** The command line for one run, writing its report to `out` (and, `--save-assets`, its trace beside it). */
export function lighthouseArgs(url: string, out: string, profile: string, options: LighthouseOptions = {}): string[] {
  const { cpuSlowdownMultiplier, blockedUrlPatterns = [] } = options;
  return [
    url,
    '--quiet',
    '--output=json',
    `--output-path=${out}`,
    // The trace, for the LCP element (bench/support/lcp-element.ts).
    '--save-assets',
    '--only-categories=performance,accessibility,best-practices,seo',
    ...(cpuSlowdownMultiplier ? [`--throttling.cpuSlowdownMultiplier=${cpuSlowdownMultiplier}`] : []),
    ...blockedUrlPatterns.map((pattern) => `--blocked-url-patterns=${pattern}`),
    `--chrome-flags=--headless=new ${CHROMIUM_LAUNCH.args.join(' ')} --user-data-dir=${profile}`,
  ];
}

/** The events of the trace `--save-assets` wrote for report `out` (`report.json` -> `report-0.trace.json`); none when it wrote none. */
function savedTrace(out: string): TraceEvent[] {
  const file = out.replace(/\.json$/, '-0.trace.json');
  if (!existsSync(file)) return [];
  const trace = JSON.parse(readFileSync(file, 'utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(trace) ? trace : (trace.traceEvents ?? []);
}

async function lighthouseOnce(url: string, root: string, options: LighthouseOptions): Promise<LighthouseRun> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lighthouse-'));
  const out = path.join(dir, 'report.json');
  try {
    await run(
      process.execPath,
      [path.join(root, 'node_modules', 'lighthouse', 'cli', 'index.js'), ...lighthouseArgs(url, out, path.join(dir, 'profile'), options)],
      {
        env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? CHROMIUM_LAUNCH.executablePath },
        maxBuffer: 16 << 20,
        timeout: 180_000,
      },
    );
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    return { ...readScores(report), lcpElement: lcpElement(report, savedTrace(out)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
