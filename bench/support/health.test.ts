import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readHealth, untilReady } from './health';

const READY = {
  status: 'ready',
  stories: 3,
  index: { rebuiltAtStart: false, rebuildMs: null },
  counters: { filesParsed: 0, bodiesCompiled: 0 },
};
const servers: Server[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

/** A loopback server answering /api/health with the given answers in turn (the last one repeats). */
async function serve(answers: { status: number; body: string }[], front = 200): Promise<string> {
  let i = 0;
  const server = createServer((req, res) => {
    if (req.url !== '/api/health') return res.writeHead(front).end('front');
    const answer = answers[Math.min(i++, answers.length - 1)]!;
    res.writeHead(answer.status, { 'content-type': 'application/json' }).end(answer.body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('readHealth', () => {
  it('tells a missing route, a starting index and a ready one apart', async () => {
    expect(await readHealth(await serve([{ status: 404, body: 'not found' }]))).toEqual({ kind: 'missing' });
    expect(await readHealth(await serve([{ status: 503, body: '{}' }]))).toEqual({ kind: 'starting' });
    expect(await readHealth(await serve([{ status: 200, body: JSON.stringify(READY) }]))).toEqual({ kind: 'ready', health: READY });
  });
  it('fails loudly on a 200 that breaks the contract', async () => {
    await expect(readHealth(await serve([{ status: 200, body: '{"status":"ready"}' }]))).rejects.toThrow(/unexpected body/);
    await expect(readHealth(await serve([{ status: 200, body: '<html>' }]))).rejects.toThrow(/other than JSON/);
  });
  it('reads an unreachable server as starting', async () => {
    expect(await readHealth('http://127.0.0.1:9', 1000)).toEqual({ kind: 'starting' });
  });
});

describe('untilReady', () => {
  it('waits through 503s for the health figures', async () => {
    const url = await serve([
      { status: 503, body: '{}' },
      { status: 503, body: '{}' },
      { status: 200, body: JSON.stringify(READY) },
    ]);
    expect((await untilReady(url, { intervalMs: 5 })).health).toEqual(READY);
  });
  it('falls back to the front page where there is no health route', async () => {
    const ready = await untilReady(await serve([{ status: 404, body: '' }]), { intervalMs: 5 });
    expect(ready.health).toBeUndefined();
  });
});
