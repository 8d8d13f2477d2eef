import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

export type LoadResult = {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  socketErrors: number;
};

/** wrk prints latencies like "812.00us", "3.41ms", "1.20s". */
export function parseDuration(text: string): number {
  const match = text.trim().match(/^([\d.]+)(us|ms|s|m)$/);
  if (!match) throw new Error(`not a wrk duration: ${text}`);
  const value = Number(match[1]);
  const unit = match[2];
  return unit === 'us' ? value / 1000 : unit === 'ms' ? value : unit === 's' ? value * 1000 : value * 60_000;
}

/** Reads `wrk --latency` output. Non-2xx counts 3xx too, as wrk does; the bench asks for 200s. */
export function parseWrk(output: string): LoadResult {
  const number = (re: RegExp) => Number(output.match(re)?.[1] ?? 0);
  const percentile = (p: string) => {
    const match = output.match(new RegExp(`^\\s*${p}%\\s+(\\S+)`, 'm'));
    if (!match) throw new Error(`wrk output has no ${p}% latency:\n${output}`);
    return parseDuration(match[1]!);
  };
  const errors = output.match(/Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/);
  return {
    requests: number(/(\d+) requests in/),
    requestsPerSecond: number(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: percentile('50'),
    p99Ms: percentile('99'),
    non2xx: number(/Non-2xx or 3xx responses: (\d+)/),
    socketErrors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  };
}

/** Loads one URL with wrk: `connections` open connections for `seconds`, loopback only. */
export async function loadTest(
  url: string,
  { connections = 50, seconds = 15, threads = 2 } = {},
): Promise<LoadResult & { errorLine: string }> {
  const target = new URL(url);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(target.hostname)) throw new Error(`load tests target loopback only, not ${url}`);
  const { stdout } = await run(
    'wrk',
    ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--latency', '--timeout', '10s', url],
    {
      maxBuffer: 1 << 20,
    },
  );
  // Which kind of socket error (connect, read, write, timeout) says whether the server refused, dropped or was slow.
  return { ...parseWrk(stdout), errorLine: stdout.match(/Socket errors: .*/)?.[0] ?? 'Socket errors: none' };
}
