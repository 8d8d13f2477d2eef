/**
 * The scale bench's chart: what each timed row costs against the number of stories, both axes
 * logarithmic (sizes grow tenfold; costs span a millisecond to minutes). A straight flat line is
 * a cost that does not grow with the archive; a line climbing at 45° grows with it.
 */

/** One timed row of the scale table: its label, and its cost in milliseconds at each size measured. */
export type ChartRow = { label: string; points: { stories: number; ms: number }[] };

// Wide enough for the legend: the rows are labelled as in the table.
const WIDTH = 1200;
const HEIGHT = 560;
const PLOT = { left: 80, top: 48, right: 600, bottom: 490 };
// Distinct hues first; a dash pattern tells apart rows beyond them.
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#17becf', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22'];
const DASHES = ['', '6 4', '2 3'];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const n = (v: number) => (Math.round(v * 10) / 10).toString();

/** Whole decades that cover [min, max], at least one decade wide (powers of ten). */
function decades(min: number, max: number): { lo: number; hi: number } {
  const lo = Math.floor(Math.log10(min));
  const hi = Math.max(lo + 1, Math.ceil(Math.log10(max)));
  return { lo, hi };
}

/** A position on a log axis: `value` between 10^lo and 10^hi mapped onto [from, to]. */
export function logPosition(value: number, lo: number, hi: number, from: number, to: number): number {
  return from + ((Math.log10(value) - lo) / (hi - lo)) * (to - from);
}

/** A decade of time as people read it: 0.1 ms, 10 ms, 1 s, 1,000 s. */
function msLabel(ms: number): string {
  if (ms < 1000) return `${ms >= 1 ? ms : ms.toPrecision(1)} ms`;
  return `${(ms / 1000).toLocaleString('en-US')} s`;
}

/** The chart as a standalone SVG document; rows without a finite positive point are left out. */
export function renderScaleChart(rows: readonly ChartRow[]): string {
  const drawn = rows
    .map((row) => ({
      ...row,
      points: row.points.filter((p) => p.stories > 0 && Number.isFinite(p.ms) && p.ms > 0).sort((a, b) => a.stories - b.stories),
    }))
    .filter((row) => row.points.length > 0);
  const all = drawn.flatMap((r) => r.points);
  const sizes = [...new Set(all.map((p) => p.stories))].sort((a, b) => a - b);
  // Half a decade of margin either side, so the smallest and largest sizes are not on the frame.
  const xLo = Math.log10(sizes[0] ?? 1000) - 0.5;
  const xHi = Math.log10(sizes.at(-1) ?? 1000) + 0.5;
  const y = decades(Math.min(...all.map((p) => p.ms), 1), Math.max(...all.map((p) => p.ms), 10));
  const px = (stories: number) => logPosition(stories, xLo, xHi, PLOT.left, PLOT.right);
  const py = (ms: number) => logPosition(ms, y.lo, y.hi, PLOT.bottom, PLOT.top);

  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="system-ui, sans-serif" font-size="12">`,
  );
  out.push('<title>Cost against archive size</title>');
  out.push(`<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`);
  out.push(`<text x="${PLOT.left}" y="28" font-size="16" font-weight="bold">Cost against archive size (log–log)</text>`);

  // Ticks at each size measured, a grid line at each decade of time.
  for (const size of sizes) {
    const at = n(px(size));
    out.push(`<line x1="${at}" y1="${PLOT.top}" x2="${at}" y2="${PLOT.bottom}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${at}" y="${PLOT.bottom + 18}" text-anchor="middle">${size.toLocaleString('en-US')}</text>`);
  }
  for (let d = y.lo; d <= y.hi; d++) {
    const at = n(py(10 ** d));
    out.push(`<line x1="${PLOT.left}" y1="${at}" x2="${PLOT.right}" y2="${at}" stroke="#e5e5e5"/>`);
    out.push(`<text x="${PLOT.left - 8}" y="${at}" text-anchor="end" dominant-baseline="middle">${msLabel(10 ** d)}</text>`);
  }
  out.push(
    `<rect x="${PLOT.left}" y="${PLOT.top}" width="${PLOT.right - PLOT.left}" height="${PLOT.bottom - PLOT.top}" fill="none" stroke="#333333"/>`,
  );
  out.push(
    `<text x="${(PLOT.left + PLOT.right) / 2}" y="${HEIGHT - 28}" text-anchor="middle" font-size="13">stories in the archive (log scale)</text>`,
  );
  out.push(
    `<text transform="translate(20 ${(PLOT.top + PLOT.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="13">time (log scale)</text>`,
  );

  // One path per row, with a dot at each size (a row measured at one size is a dot alone), and its legend entry.
  drawn.forEach((row, i) => {
    const colour = COLOURS[i % COLOURS.length]!;
    const dash = DASHES[Math.floor(i / COLOURS.length) % DASHES.length]!;
    const d = row.points.map((p, j) => `${j === 0 ? 'M' : 'L'}${n(px(p.stories))} ${n(py(p.ms))}`).join(' ');
    out.push(`<g><title>${escapeXml(row.label)}</title>`);
    out.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    for (const p of row.points) out.push(`<circle cx="${n(px(p.stories))}" cy="${n(py(p.ms))}" r="3" fill="${colour}"/>`);
    out.push('</g>');
    const ly = PLOT.top + 6 + i * 20;
    out.push(
      `<line x1="${PLOT.right + 20}" y1="${ly}" x2="${PLOT.right + 44}" y2="${ly}" stroke="${colour}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    );
    out.push(`<text x="${PLOT.right + 50}" y="${ly}" dominant-baseline="middle">${escapeXml(row.label)}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
