/** A worker thread of body-check-pool.mts: checks the bodies it is sent with the server's code. */
import { parentPort } from 'node:worker_threads';
import { checkBody } from '@/lib/mdx/compile';

async function answer({ id, bodies }: { id: number; bodies: string[] }) {
  const checks = [];
  for (const body of bodies) checks.push(await checkBody(body));
  parentPort!.postMessage({ id, checks });
}

parentPort!.on('message', (message: { id: number; bodies: string[] }) => {
  void answer(message);
});
