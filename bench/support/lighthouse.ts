import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type LighthouseScores = {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Lighthouse's own measure of the host CPU (`environment.benchmarkIndex`). */
  benchmarkIndex: number;
  cpuSlowdownMultiplier: number;
};

type Report = {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
  environment?: { benchmarkIndex?: number };
  configSettings?: { throttling?: { cpuSlowdownMultiplier?: number } };
};

export function readScores(report: Report): LighthouseScores {
  const score = (id: string) => Math.round((report.categories[id]?.score ?? 0) * 100);
  const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
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
export async function lighthouse(url: string, root: string, cpuSlowdownMultiplier?: number): Promise<LighthouseScores> {
  try {
    return await lighthouseOnce(url, root, cpuSlowdownMultiplier);
  } catch (error) {
    // Lighthouse's own trace recording sometimes fails on this shared machine (NO_NAVSTART, "run
    // Lighthouse again"): that is the tool, not the page, so it gets one more run.
    if (!String((error as { stderr?: string }).stderr ?? error).includes('Please run Lighthouse again')) throw error;
    return lighthouseOnce(url, root, cpuSlowdownMultiplier);
  }
}

async function lighthouseOnce(url: string, root: string, cpuSlowdownMultiplier?: number): Promise<LighthouseScores> {
  const dir = mkdtempSync(path.join(tmpdir(), 'lighthouse-'));
  const out = path.join(dir, 'report.json');
  try {
    await run(
      process.execPath,
      [
        path.join(root, 'node_modules', 'lighthouse', 'cli', 'index.js'),
        url,
        '--quiet',
        '--output=json',
        `--output-path=${out}`,
        '--only-categories=performance,accessibility,best-practices,seo',
        ...(cpuSlowdownMultiplier ? [`--throttling.cpuSlowdownMultiplier=${cpuSlowdownMultiplier}`] : []),
        `--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --disable-quic --no-first-run --user-data-dir=${path.join(dir, 'profile')}`,
      ],
      { env: { ...process.env, CHROME_PATH: process.env.CHROME_PATH ?? '/usr/bin/chromium' }, maxBuffer: 16 << 20, timeout: 180_000 },
    );
    return readScores(JSON.parse(readFileSync(out, 'utf8')) as Report);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
