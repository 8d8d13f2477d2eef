import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BodyCheck } from '@/lib/mdx/compile';

/**
 * Checks story bodies on every core: compiling is most of the cost of indexing an archive (about
 * 5 ms a story), and one thread would leave the other core idle. Workers run the same compile
 * code as the server (lib/mdx/compile.ts), under tsx as this process is (a worker does not inherit its loader).
 */
export function bodyCheckPool(size = Math.max(1, os.availableParallelism())) {
  const workers = Array.from({ length: size }, () => new Worker(new URL('./body-check-worker.mjs', import.meta.url)));
  let nextId = 0;
  const waiting = new Map<number, (checks: BodyCheck[]) => void>();
  for (const worker of workers) {
    worker.on('message', ({ id, checks }: { id: number; checks: BodyCheck[] }) => {
      waiting.get(id)?.(checks);
      waiting.delete(id);
    });
    worker.on('error', (error) => {
      console.error('[content] body check worker failed:', error);
      process.exit(1);
    });
  }
  const send = (worker: Worker, bodies: string[]) =>
    new Promise<BodyCheck[]>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      worker.postMessage({ id, bodies });
    });

  return {
    /** Splits the bodies between the workers and returns the checks in the bodies' order. */
    check: async (bodies: readonly string[]): Promise<BodyCheck[]> => {
      const share = Math.ceil(bodies.length / workers.length);
      const parts = await Promise.all(workers.map((w, i) => send(w, bodies.slice(i * share, (i + 1) * share))));
      return parts.flat();
    },
    close: () => Promise.all(workers.map((w) => w.terminate())),
  };
}
