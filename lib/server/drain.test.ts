import { createServer, Agent, get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drainable } from './drain.mjs';

// A real HTTP server on loopback whose responses take `ms`, sent in two parts so that the headers
// (with `keep-alive`) are out before the drain starts.
function slowServer(ms: number): Promise<{ server: Server; port: number }> {
  const server = createServer((_req, res) => {
    res.write('first ');
    setTimeout(() => res.end('last'), ms);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })));
}

function fetchVia(agent: Agent, port: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, agent }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      // A response cut halfway: the socket closed before its end.
      res.on('close', () => {
        if (!res.complete) reject(Object.assign(new Error('response cut'), { code: 'CUT' }));
      });
    }).on('error', reject);
  });
}

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

describe('drainable', () => {
  it('finishes the requests in flight on a keep-alive socket, refuses new connections, and resolves true', async () => {
    const { server, port } = await slowServer(300);
    servers.push(server);
    const drain = drainable(server, { timeoutMs: 5000 });
    const agent = new Agent({ keepAlive: true, maxSockets: 4 });
    const inFlight = [fetchVia(agent, port), fetchVia(agent, port)];
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(drain.inFlight).toBe(2);
    const started = Date.now();
    const whole = await drain.drain();
    // Without ending the keep-alive sockets, close() waits until the client hangs up (or the cut).
    expect(Date.now() - started).toBeLessThan(2000);
    expect(whole).toBe(true);
    expect(await Promise.all(inFlight)).toEqual([
      { status: 200, body: 'first last' },
      { status: 200, body: 'first last' },
    ]);
    await expect(fetchVia(new Agent(), port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('cuts what is still open after the bound, and resolves false', async () => {
    const { server, port } = await slowServer(5000);
    servers.push(server);
    const drain = drainable(server, { timeoutMs: 200 });
    const stuck = fetchVia(new Agent(), port).catch((error: unknown) => (error as NodeJS.ErrnoException).code);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    expect(await drain.drain()).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await stuck).toBe('CUT');
  });

  it('closes an idle keep-alive socket at once', async () => {
    const { server, port } = await slowServer(10);
    servers.push(server);
    const drain = drainable(server, { timeoutMs: 5000 });
    const agent = new Agent({ keepAlive: true });
    expect((await fetchVia(agent, port)).status).toBe(200);
    const started = Date.now();
    expect(await drain.drain()).toBe(true);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
