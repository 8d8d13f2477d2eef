import { describe, expect, it } from 'vitest';
import { logPosition, renderScaleChart, type ChartRow } from './scale-chart';

const ROWS: ChartRow[] = [
  {
    label: 'build from scratch',
    points: [
      { stories: 1000, ms: 90_000 },
      { stories: 10_000, ms: 170_000 },
      { stories: 100_000, ms: 600_000 },
    ],
  },
  {
    label: 'uncached story <median>',
    points: [
      { stories: 1000, ms: 10 },
      { stories: 10_000, ms: 100 },
      { stories: 100_000, ms: 1000 },
    ],
  },
  { label: 'search p50', points: [{ stories: 100_000, ms: 3 }] },
  { label: 'not measured', points: [{ stories: 1000, ms: Number.NaN }] },
];

/** Checks the document is well formed: every tag closed in order, attributes quoted, one root. */
function assertWellFormed(svg: string) {
  const stack: string[] = [];
  let roots = 0;
  for (const [, close, name, attrs, selfClose] of svg.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>/g)) {
    expect(attrs!.replace(/\s+[a-zA-Z0-9:-]+="[^"<>]*"/g, '').trim()).toBe('');
    if (close) expect(stack.pop()).toBe(name);
    else if (!selfClose) {
      if (stack.length === 0) roots++;
      stack.push(name!);
    }
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  // Text is escaped: no bare ampersand or angle bracket outside tags.
  expect(svg.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]|&(?!amp;|lt;|gt;|quot;)/);
}

/** The coordinates of a path's points, in order. */
function points(d: string): [number, number][] {
  return [...d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('renderScaleChart', () => {
  const svg = renderScaleChart(ROWS);
  const paths = [...svg.matchAll(/<path d="([^"]+)"/g)].map((m) => m[1]!);

  it('is one well-formed SVG document', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    assertWellFormed(svg);
  });

  it('draws one path per row that has a figure, and names each in the legend', () => {
    expect(paths).toHaveLength(3);
    for (const label of ['build from scratch', 'uncached story &lt;median&gt;', 'search p50']) expect(svg).toContain(`>${label}</text>`);
    expect(svg).not.toContain('not measured');
  });

  it('labels both axes and ticks each size measured', () => {
    expect(svg).toContain('stories in the archive (log scale)');
    expect(svg).toContain('time (log scale)');
    for (const size of ['1,000', '10,000', '100,000']) expect(svg).toContain(`>${size}</text>`);
  });

  it('places sizes and times on log scales: each tenfold step is the same distance', () => {
    const story = points(paths[1]!);
    expect(story).toHaveLength(3);
    const [a, b, c] = story as [[number, number], [number, number], [number, number]];
    expect(b[0] - a[0]).toBeCloseTo(c[0] - b[0], 0);
    // 10 ms, 100 ms, 1 s: equal steps up (y grows downwards in SVG).
    expect(a[1] - b[1]).toBeCloseTo(b[1] - c[1], 0);
    expect(a[1]).toBeGreaterThan(b[1]);
  });

  it('puts a value on a log axis by its logarithm', () => {
    expect(logPosition(1000, 2, 6, 0, 400)).toBe(100);
    expect(logPosition(10 ** 4.5, 2, 6, 0, 400)).toBeCloseTo(250);
  });

  it('still draws a dot for a row measured at one size', () => {
    expect(points(paths[2]!)).toHaveLength(1);
    expect(svg.match(/<circle /g)).toHaveLength(7);
  });
});
