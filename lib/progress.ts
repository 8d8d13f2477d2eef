/**
 * Progress for work that takes minutes at 100,000 files (generating content, the content check,
 * the scale bench, the content index). One module, with no file system access, so scripts/,
 * bench/ and lib code run under tsx can all use it.
 *
 * On a terminal it redraws one line: `\r<label> [#####.....] 45,000/100,000 12 s`. Elsewhere (CI
 * logs, where `\r` piles up into one endless line) it prints a plain line every few seconds.
 */

/** Where progress goes: process.stderr, or a fake in tests. */
export type ProgressStream = { isTTY?: boolean; write(text: string): unknown };

/** The shape the content index and checks accept, so they need not know about bars. */
export type OnProgress = (done: number, total: number) => void;

/**
 * Progress of work done in steps (read the files, check the bodies, ...), each with its own count.
 * A plain OnProgress is assignable to it: a caller that does not care about steps ignores the name.
 */
export type OnStepProgress = (done: number, total: number, step: string) => void;

export type ProgressOptions = {
  stream?: ProgressStream;
  /** Milliseconds; injected in tests. */
  now?: () => number;
  /** Without a terminal, a line at most this often (the first and last always print). */
  lineEveryMs?: number;
  /** On a terminal, a redraw at most this often: a redraw per file would cost more than the work. */
  redrawEveryMs?: number;
  /** Characters between the brackets. */
  width?: number;
};

export type Progress = {
  /** Reports `done` of `total` (total may change, e.g. once a directory is listed). */
  update: OnProgress;
  /** Prints the final state and ends the line. Idempotent. */
  finish: () => void;
};

const count = (n: number) => n.toLocaleString('en-US');
const seconds = (ms: number) => `${Math.round(ms / 1000)} s`;

/** `[#####.....] 45,000/100,000 12 s`, the bar's share rounded down so it is full only when done. */
export function formatBar(done: number, total: number, elapsedMs: number, width = 20): string {
  const share = total > 0 ? Math.min(1, Math.max(0, done / total)) : 0;
  const filled = Math.floor(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count(done)}/${count(total)} ${seconds(elapsedMs)}`;
}

/** `45,000/100,000 (45%) 12 s`: a log line that reads on its own. */
export function formatLine(done: number, total: number, elapsedMs: number): string {
  const percent = total > 0 ? Math.floor((Math.min(done, total) / total) * 100) : 0;
  return `${count(done)}/${count(total)} (${percent}%) ${seconds(elapsedMs)}`;
}

/** Starts reporting progress of one piece of work named `label`; the clock starts now. */
export function startProgress(label: string, options: ProgressOptions = {}): Progress {
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const every = tty ? (options.redrawEveryMs ?? 100) : (options.lineEveryMs ?? 5000);
  const started = now();
  let lastShown = Number.NEGATIVE_INFINITY;
  let state = { done: 0, total: 0 };
  let shown = state;
  let finished = false;

  const show = () => {
    const elapsed = now() - started;
    lastShown = now();
    shown = state;
    if (tty) stream.write(`\r${label} ${formatBar(state.done, state.total, elapsed, options.width)}`);
    else stream.write(`${label}: ${formatLine(state.done, state.total, elapsed)}\n`);
  };

  return {
    update(done, total) {
      if (finished) return;
      state = { done, total };
      if (now() - lastShown >= every) show();
    },
    finish() {
      if (finished) return;
      finished = true;
      // A log line just printed for this very state need not be printed twice.
      if (tty || shown !== state) show();
      if (tty) stream.write('\n');
    },
  };
}

/** One bar per step, labelled `<label>: <step>`; a new step finishes the bar before it. */
export function startStepsProgress(label: string, options: ProgressOptions = {}): { update: OnStepProgress; finish: () => void } {
  let current: { step: string; progress: Progress } | undefined;
  return {
    update(done, total, step) {
      if (current?.step !== step) {
        current?.progress.finish();
        current = { step, progress: startProgress(`${label}: ${step}`, options) };
      }
      current.progress.update(done, total);
    },
    finish: () => current?.progress.finish(),
  };
}
