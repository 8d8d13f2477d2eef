/**
 * The scale bench's report: which figures it measures, issue 14's target for each, and the one
 * Markdown table (a row per figure, a column per archive size, the ratio of largest to smallest).
 * Pure, so the table's judgements are tested without building anything.
 */
import type { ChartRow } from './scale-chart';

export const SCALE_HEADING = '## Scale';

/** A figure, or why there is none (`n/a (no /api/health)`, `timeout`, ...). */
export type Cell = number | { na: string };

export type Unit = 'ms' | 's' | 'MB' | 'count';

export type Target = {
  text: string;
  /** Judged at the largest size measured (issue 14 sets targets at 100,000). */
  met?: (value: number) => boolean;
  /** Largest size's figure at most this many times the smallest's. */
  maxRatio?: number;
  /** A count that must not grow with the archive: the largest size's at most the smallest's plus a few. */
  notGrowing?: boolean;
};

export type Metric = { key: string; label: string; unit: Unit; timed: boolean; target?: Target };

/** One size's figures, by metric key. */
export type SizeResult = { stories: number; cells: Record<string, Cell> };

/** Slack for "not growing": watches a server holds for its own files, whatever the archive. */
const NOT_GROWING_SLACK = 10;

export type LoopSizes = { renders: number; searches: number; cpuWindowSeconds: number };

/** Every figure of the scale bench in the table's order. */
export function scaleMetrics({ renders, searches, cpuWindowSeconds }: LoopSizes): Metric[] {
  const under = (limit: number, text: string): Target => ({ text, met: (v) => v < limit });
  const firstAnswer = under(2000, '< 2 s');
  return [
    { key: 'buildScratch', label: 'build from scratch', unit: 's', timed: true, target: under(600, '< 10 min') },
    {
      key: 'buildChanged',
      label: 'build again after 3 files changed (dist dir and index kept)',
      unit: 's',
      timed: true,
      target: under(180, '< 3 min'),
    },
    { key: 'buildPeak', label: 'peak memory of the build (process tree)', unit: 'MB', timed: false, target: under(2048, '< 2 GB') },
    { key: 'listen', label: 'time to listen after a restart (median of the restarts)', unit: 'ms', timed: true },
    { key: 'firstStory', label: 'first uncached old story after a restart', unit: 'ms', timed: true, target: firstAnswer },
    {
      key: 'storyMedian',
      label: `uncached story render, median of ${renders}`,
      unit: 'ms',
      timed: true,
      target: { text: '< 20 ms; ratio ≤ 1.5', met: (v) => v < 20, maxRatio: 1.5 },
    },
    { key: 'storyP99', label: `uncached story render, p99 of ${renders}`, unit: 'ms', timed: true },
    {
      key: 'floorMedian',
      label: `bare Next.js ISR page as long as a story (the framework's floor), uncached render median of ${renders}`,
      unit: 'ms',
      timed: true,
    },
    {
      key: 'firstSearch',
      label: 'first search after a restart, over HTTP (the whole /search page)',
      unit: 'ms',
      timed: true,
      target: under(500, '< 500 ms'),
    },
    {
      key: 'searchFirstInProcess',
      label: 'first search in a new process (index opened, vocabulary loaded)',
      unit: 'ms',
      timed: true,
      target: under(500, '< 500 ms'),
    },
    {
      key: 'searchP50InProcess',
      label: `search in process (engine, rows, highlights), p50 of ${searches}`,
      unit: 'ms',
      timed: true,
      target: under(5, '< 5 ms'),
    },
    { key: 'searchP99InProcess', label: `search in process, p99 of ${searches}`, unit: 'ms', timed: true, target: under(20, '< 20 ms') },
    { key: 'searchP50', label: `search over HTTP (the whole /search page), p50 of ${searches}`, unit: 'ms', timed: true },
    { key: 'searchP99', label: `search over HTTP, p99 of ${searches}`, unit: 'ms', timed: true },
    {
      key: 'deepListing',
      label: 'last page of the largest section, first request after a restart',
      unit: 'ms',
      timed: true,
      target: firstAnswer,
    },
    { key: 'feed', label: '/feed.xml, first request after a restart', unit: 'ms', timed: true, target: firstAnswer },
    { key: 'sitemap', label: '/sitemap.xml (index), first request after a restart', unit: 'ms', timed: true, target: firstAnswer },
    { key: 'rss', label: 'server RSS after warm-up (process tree)', unit: 'MB', timed: false, target: under(500, '< 500 MB') },
    {
      key: 'cpuAfter',
      label: `server CPU in the ${cpuWindowSeconds} s after its first answer`,
      unit: 's',
      timed: false,
      target: under(5, '< 5 s'),
    },
    {
      key: 'publish',
      label: 'changed file to its new text served (push-to-publish webhook)',
      unit: 'ms',
      timed: true,
      target: under(5000, '< 5 s'),
    },
    { key: 'publishNoHook', label: 'changed file to found by search, without the webhook', unit: 'ms', timed: true },
    { key: 'rebuildIndex', label: 'deleted index: start to ready (/api/health)', unit: 'ms', timed: true },
    { key: 'rebuildMs', label: 'deleted index: rebuild as the server reports it (index.rebuildMs)', unit: 'ms', timed: true },
    {
      key: 'inotify',
      label: 'inotify watches held by the server',
      unit: 'count',
      timed: false,
      target: { text: 'not growing with stories', notGrowing: true },
    },
    { key: 'indexStories', label: 'stories in the index (/api/health)', unit: 'count', timed: false },
    { key: 'filesParsed', label: 'files parsed since start, after warm-up (/api/health)', unit: 'count', timed: false },
    { key: 'bodiesCompiled', label: 'bodies compiled since start, after warm-up (/api/health)', unit: 'count', timed: false },
  ];
}

export function formatCell(cell: Cell | undefined, unit: Unit): string {
  if (cell === undefined) return 'n/a';
  if (typeof cell !== 'number') return `n/a (${cell.na})`;
  if (!Number.isFinite(cell)) return 'n/a';
  switch (unit) {
    case 'ms':
      return `${cell.toFixed(cell < 10 ? 2 : cell < 100 ? 1 : 0)} ms`;
    case 's':
      return `${cell.toFixed(cell < 10 ? 2 : 1)} s`;
    case 'MB':
      return `${Math.round(cell)} MB`;
    case 'count':
      return Math.round(cell).toLocaleString('en-US');
  }
}

const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
const num = (cell: Cell | undefined): number | undefined => (typeof cell === 'number' && Number.isFinite(cell) ? cell : undefined);

/** The ratio cell: largest size's figure over the smallest's, judged where the target says how. */
function ratioCell(metric: Metric, smallest: Cell | undefined, largest: Cell | undefined): string {
  const a = num(smallest);
  const b = num(largest);
  if (a === undefined || b === undefined) return '—';
  const text = a > 0 ? `${(b / a).toFixed(2)}×` : b === 0 ? '1.00×' : '—';
  if (metric.target?.maxRatio !== undefined && a > 0) return `${text} ${mark(b / a <= metric.target.maxRatio)}`;
  if (metric.target?.notGrowing) return `${text} ${mark(b <= a + NOT_GROWING_SLACK)}`;
  return text;
}

/**
 * The table: a row per metric, a column per size, the target, and the ratio of the largest size
 * to the smallest. The largest size's cells are marked met or missed against their targets.
 */
export function scaleTable(metrics: readonly Metric[], results: readonly SizeResult[]): string {
  const sizes = results.map((r) => r.stories.toLocaleString('en-US'));
  const several = results.length > 1;
  const head = ['metric', 'target', ...sizes, ...(several ? [`${sizes.at(-1)} / ${sizes[0]}`] : [])];
  const lines = [`| ${head.join(' | ')} |`, `| --- | --- | ${results.map(() => '---:').join(' | ')} |${several ? ' ---: |' : ''}`];
  for (const metric of metrics) {
    const cells = results.map((r, i) => {
      const cell = r.cells[metric.key];
      const text = formatCell(cell, metric.unit);
      const value = num(cell);
      const judged = i === results.length - 1 && metric.target?.met && value !== undefined;
      return judged ? `${text} ${mark(metric.target!.met!(value))}` : text;
    });
    const ratio = several ? [ratioCell(metric, results[0]!.cells[metric.key], results.at(-1)!.cells[metric.key])] : [];
    lines.push(`| ${metric.label} | ${metric.target?.text ?? '—'} | ${[...cells, ...ratio].join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The timed rows as the chart draws them: milliseconds at each size that has a figure. */
export function chartRows(metrics: readonly Metric[], results: readonly SizeResult[]): ChartRow[] {
  return metrics
    .filter((m) => m.timed)
    .map((m) => ({
      label: m.label,
      points: results.flatMap((r) => {
        const value = num(r.cells[m.key]);
        return value === undefined ? [] : [{ stories: r.stories, ms: m.unit === 's' ? value * 1000 : value }];
      }),
    }))
    .filter((row) => row.points.length > 0);
}
