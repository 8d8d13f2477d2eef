import 'server-only';
import { Worker } from 'node:worker_threads';

/**
 * Runs a self-contained worker source (no bundler has to find a worker file) for one answer: the
 * first message it posts, or a rejection when it posts `{ error }` or cannot start. The worker is
 * terminated once it has answered. For work that would otherwise take the event loop from the
 * first readers after a start (content stamps, the search vocabulary).
 */
export function runWorkerOnce<T>(source: string, workerData: unknown): Promise<T> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(source, { eval: true, workerData });
    worker.once('message', (message: T | { error: string }) => {
      void worker.terminate();
      if (message && typeof message === 'object' && 'error' in message) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once('error', reject);
  });
}
