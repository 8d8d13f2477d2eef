import { describe, expect, it } from 'vitest';
import { chartRows, formatCell, scaleMetrics, scaleTable, type SizeResult } from './scale-report';

const METRICS = scaleMetrics({ renders: 50, searches: 100, cpuWindowSeconds: 10 });
const row = (table: string, label: string) => table.split('\n').find((line) => line.startsWith(`| ${label} |`))!;

const RESULTS: SizeResult[] = [
  { stories: 1000, cells: { buildScratch: 90, storyMedian: 10, inotify: 5, searchP50InProcess: 2, rss: 300 } },
  { stories: 10_000, cells: { buildScratch: 170, storyMedian: 12, inotify: 5, searchP50InProcess: 3, rss: 350 } },
  { stories: 100_000, cells: { buildScratch: 650, storyMedian: 18, inotify: 100_006, searchP50InProcess: { na: 'timeout' }, rss: 420 } },
];

describe('scaleTable', () => {
  const table = scaleTable(METRICS, RESULTS);

  it('has a column per size, the target, and the ratio of the largest to the smallest', () => {
    expect(table.split('\n')[0]).toBe('| metric | target | 1,000 | 10,000 | 100,000 | 100,000 / 1,000 |');
    expect(table.split('\n')).toHaveLength(2 + METRICS.length);
  });

  it('marks the largest size against its target', () => {
    expect(row(table, 'build from scratch')).toBe('| build from scratch | < 10 min | 90.0 s | 170.0 s | 650.0 s **missed** | 7.22× |');
    expect(row(table, 'server RSS after warm-up (process tree)')).toContain('| 420 MB met |');
  });

  it('judges the ratio where the target bounds it, and counts that must not grow', () => {
    expect(row(table, 'uncached story render, median of 50')).toMatch(/18\.0 ms met \| 1\.80× \*\*missed\*\* \|$/);
    expect(row(table, 'inotify watches held by the server')).toMatch(/100,006 \| 20001\.20× \*\*missed\*\* \|$/);
  });

  it('says why a figure is missing instead of judging it', () => {
    expect(row(table, 'search in process (engine, rows, highlights), p50 of 100')).toMatch(/\| 3\.00 ms \| n\/a \(timeout\) \| — \|$/);
    expect(row(table, 'first search after a restart, over HTTP (the whole /search page)')).toMatch(/\| n\/a \| n\/a \| n\/a \| — \|$/);
  });

  it('has no ratio column for a single size', () => {
    expect(scaleTable(METRICS, [RESULTS[0]!]).split('\n')[0]).toBe('| metric | target | 1,000 |');
  });
});

describe('formatCell', () => {
  it('keeps the digits that matter at each magnitude', () => {
    expect(formatCell(3.456, 'ms')).toBe('3.46 ms');
    expect(formatCell(34.56, 'ms')).toBe('34.6 ms');
    expect(formatCell(3456.7, 'ms')).toBe('3457 ms');
    expect(formatCell(1449.4, 'MB')).toBe('1449 MB');
    expect(formatCell(12_345, 'count')).toBe('12,345');
    expect(formatCell(Number.NaN, 's')).toBe('n/a');
  });
});

describe('chartRows', () => {
  it('takes the timed rows with a figure, in milliseconds', () => {
    const rows = chartRows(METRICS, RESULTS);
    expect(rows.map((r) => r.label)).toEqual([
      'build from scratch',
      'uncached story render, median of 50',
      'search in process (engine, rows, highlights), p50 of 100',
    ]);
    expect(rows[0]!.points[0]).toEqual({ stories: 1000, ms: 90_000 });
    expect(rows[2]!.points).toHaveLength(2);
  });
});
