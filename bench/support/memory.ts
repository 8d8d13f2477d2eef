import { readdirSync, readFileSync } from 'node:fs';

type ProcStat = { pid: number; ppid: number; rssBytes: number; cpuTicks: number };

/** Every process's parent, RSS and CPU time, read from /proc. */
function readProcs(): Map<number, ProcStat> {
  const procs = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces) start after the last ')': field 3 is
      // the state, so utime and stime (fields 14 and 15) are at 11 and 12, rss (24) at 21.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      procs.set(Number(entry), {
        pid: Number(entry),
        ppid: Number(fields[1]),
        rssBytes: Number(fields[21]) * 4096,
        cpuTicks: Number(fields[11]) + Number(fields[12]),
      });
    } catch {
      /* the process ended while we looked */
    }
  }
  return procs;
}

/** A process and all its descendants that are alive, with what /proc says of each. */
function treeProcs(rootPid: number): ProcStat[] {
  const procs = readProcs();
  const children = new Map<number, number[]>();
  for (const [pid, p] of procs) (children.get(p.ppid) ?? children.set(p.ppid, []).get(p.ppid)!).push(pid);
  const found: ProcStat[] = [];
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    const p = procs.get(pid);
    if (p) found.push(p);
    stack.push(...(children.get(pid) ?? []));
  }
  return found;
}

/** Sums one figure over a process and all its descendants. */
function treeSum(rootPid: number, pick: (p: ProcStat) => number): number {
  return treeProcs(rootPid).reduce((total, p) => total + pick(p), 0);
}

/** The ids of a process and all its live descendants (a server may fork workers). */
export function treePids(rootPid: number): number[] {
  return treeProcs(rootPid).map((p) => p.pid);
}

/** RSS in bytes of a process and all its descendants. */
export function treeRss(rootPid: number): number {
  return treeSum(rootPid, (p) => p.rssBytes);
}

/** CPU seconds (user and system) used so far by a process and all its descendants (Linux: 100 ticks a second). */
export function treeCpuSeconds(rootPid: number): number {
  return treeSum(rootPid, (p) => p.cpuTicks) / 100;
}

/**
 * Waits until a process tree is idle (under `threshold` of one core over a `windowMs` window), at
 * most `maxMs`: work a server does by itself after its first answer must not be counted as load.
 * Returns the wait and the CPU it spent meanwhile.
 */
export async function untilIdle(rootPid: number, { windowMs = 1000, threshold = 0.05, maxMs = 180_000 } = {}) {
  const started = performance.now();
  const cpuStart = treeCpuSeconds(rootPid);
  let idle = false;
  while (!idle && performance.now() - started < maxMs) {
    const before = treeCpuSeconds(rootPid);
    await new Promise((r) => setTimeout(r, windowMs));
    idle = treeCpuSeconds(rootPid) - before < threshold * (windowMs / 1000);
  }
  return { idle, seconds: (performance.now() - started) / 1000, cpuSeconds: treeCpuSeconds(rootPid) - cpuStart };
}

/** Samples a process tree's RSS every `intervalMs` until stopped; returns the peak. */
export function peakRssSampler(rootPid: number, intervalMs = 100) {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, treeRss(rootPid));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): number {
      clearInterval(timer);
      return peak;
    },
  };
}
