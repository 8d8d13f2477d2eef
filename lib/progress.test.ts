import { describe, expect, it } from 'vitest';
import { formatBar, formatLine, startProgress, startStepsProgress, type ProgressStream } from './progress';

/** A stream that records what was written, and a clock the test moves by hand. */
function fakes(isTTY: boolean) {
  const writes: string[] = [];
  const stream: ProgressStream = { isTTY, write: (text) => writes.push(text) };
  let time = 1000;
  return { writes, stream, now: () => time, advance: (ms: number) => (time += ms) };
}

describe('formatBar', () => {
  it('draws the share done, the counts with thousands separators and whole seconds', () => {
    expect(formatBar(45_000, 100_000, 12_400, 10)).toBe('[####......] 45,000/100,000 12 s');
  });
  it('is full only when done, and never overflows', () => {
    expect(formatBar(99_999, 100_000, 0, 10)).toBe('[#########.] 99,999/100,000 0 s');
    expect(formatBar(120, 100, 0, 4)).toBe('[####] 120/100 0 s');
    expect(formatBar(0, 0, 0, 4)).toBe('[....] 0/0 0 s');
  });
});

describe('formatLine', () => {
  it('reads on its own in a log', () => {
    expect(formatLine(45_000, 100_000, 12_000)).toBe('45,000/100,000 (45%) 12 s');
    expect(formatLine(3, 0, 0)).toBe('3/0 (0%) 0 s');
  });
});

describe('startProgress on a terminal', () => {
  it('redraws one line with \\r, at most every redrawEveryMs, and ends it on finish', () => {
    const f = fakes(true);
    const progress = startProgress('generating', { stream: f.stream, now: f.now, width: 10, redrawEveryMs: 100 });
    progress.update(1, 10);
    progress.update(2, 10); // same instant: not redrawn
    f.advance(150);
    progress.update(5, 10);
    f.advance(10);
    progress.update(10, 10); // too soon, but finish shows it
    progress.finish();
    progress.finish();
    expect(f.writes).toEqual([
      '\rgenerating [#.........] 1/10 0 s',
      '\rgenerating [#####.....] 5/10 0 s',
      '\rgenerating [##########] 10/10 0 s',
      '\n',
    ]);
  });
});

describe('startProgress without a terminal', () => {
  it('prints a plain line at first, then every lineEveryMs, and the last state', () => {
    const f = fakes(false);
    const progress = startProgress('content check', { stream: f.stream, now: f.now, lineEveryMs: 5000 });
    for (let i = 1; i <= 100; i++) {
      progress.update(i * 1000, 100_000);
      f.advance(100);
    }
    progress.finish();
    progress.update(1, 1); // after finish: ignored
    expect(f.writes).toEqual([
      'content check: 1,000/100,000 (1%) 0 s\n',
      'content check: 51,000/100,000 (51%) 5 s\n',
      'content check: 100,000/100,000 (100%) 10 s\n',
    ]);
    expect(f.writes.some((w) => w.includes('\r'))).toBe(false);
  });
});

describe('startStepsProgress', () => {
  it('opens a labelled bar per step and ends the one before', () => {
    const f = fakes(false);
    const steps = startStepsProgress('content check', { stream: f.stream, now: f.now });
    steps.update(1, 2, 'read');
    steps.update(2, 2, 'read');
    steps.update(1, 2, 'bodies');
    steps.finish();
    expect(f.writes).toEqual([
      'content check: read: 1/2 (50%) 0 s\n',
      'content check: read: 2/2 (100%) 0 s\n',
      'content check: bodies: 1/2 (50%) 0 s\n',
    ]);
  });
});
