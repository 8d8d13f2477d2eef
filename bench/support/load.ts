import { percentile } from './stats';

/** What a fault case's load saw: every request counted, and how many nginx passed on to Next. */
export type LoadReport = {
  requests: number;
  /** No answer at all: refused, reset, timed out. */
  errors: number;
  non2xx: number;
  status5xx: number;
  p99Ms: number;
  /** Requests nginx did not answer from its cache (X-Cache-Status MISS, EXPIRED, BYPASS, REVALIDATED). */
  reachedNext: number;
  /** A few of the failures, to say what went wrong. */
  samples: string[];
};

const REACHED_NEXT = new Set(['MISS', 'EXPIRED', 'BYPASS', 'REVALIDATED']);

/**
 * Keeps `connections` requests in flight against `base` until stop(), each for the next path from
 * `next()` and from a reader of its own (X-Forwarded-For, which deploy/nginx.conf trusts from
 * loopback): per-client limits see many readers, as in production, not one loopback client.
 * `thinkMs` is each connection's mean pause between requests (a reader reading), which caps the
 * rate. Readers arrive and read independently: each connection starts at a random moment within
 * one pause, and each pause is drawn between half and one and a half times it. With fixed pauses,
 * every connection fired in the same instant, every pause: bursts of all of them at once.
 */
export function startLoad(base: string, options: { connections: number; next: () => string; thinkMs?: number; timeoutMs?: number }) {
  const latencies: number[] = [];
  const report: LoadReport = { requests: 0, errors: 0, non2xx: 0, status5xx: 0, p99Ms: 0, reachedNext: 0, samples: [] };
  let running = true;
  const sample = (line: string) => {
    if (report.samples.length < 5) report.samples.push(line);
  };
  let readers = 0;
  const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const worker = async () => {
    if (options.thinkMs) await pause(Math.random() * options.thinkMs);
    while (running) {
      const reader = readers++ % 60_000;
      const address = `198.18.${Math.floor(reader / 250)}.${(reader % 250) + 1}`;
      const path = options.next();
      const started = performance.now();
      try {
        const res = await fetch(`${base}${path}`, {
          headers: { 'x-forwarded-for': address },
          redirect: 'manual',
          signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
        });
        await res.arrayBuffer();
        report.requests++;
        latencies.push(performance.now() - started);
        if (res.status < 200 || res.status >= 300) {
          report.non2xx++;
          sample(`${res.status} ${path}`);
        }
        if (res.status >= 500) report.status5xx++;
        if (REACHED_NEXT.has(res.headers.get('x-cache-status') ?? '')) report.reachedNext++;
      } catch (error) {
        report.requests++;
        report.errors++;
        latencies.push(performance.now() - started);
        sample(`${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)} ${path}`);
      }
      if (options.thinkMs) await pause(options.thinkMs * (0.5 + Math.random()));
    }
  };
  const workers = Array.from({ length: options.connections }, worker);
  return {
    report,
    async stop(): Promise<LoadReport> {
      running = false;
      await Promise.all(workers);
      const sorted = latencies.sort((a, b) => a - b);
      return { ...report, p99Ms: percentile(sorted, 99) };
    },
  };
}
