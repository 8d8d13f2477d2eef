import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

/** A throwaway Debian redis-server on a free loopback port: no persistence, stopped by its PID. */
export type TestRedis = {
  url: string;
  port: number;
  pid: number;
  stop: () => Promise<void>;
  start: () => Promise<void>;
  /** SIGSTOP and SIGCONT: a Redis that hangs, its connections open and silent, then carries on. */
  pause: () => void;
  resume: () => void;
};

/**
 * A free port below the kernel's ephemeral range (32768 and up), so that while Redis is stopped no
 * other process asking the OS for a port (listen(0): every test server) can be given its port.
 */
async function freeLowPort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free port for redis-server');
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port }, () => socket.write('PING\r\n'));
    socket.once('data', (d) => {
      socket.destroy();
      resolve(d.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
  });
}

export async function startRedis(): Promise<TestRedis> {
  const port = await freeLowPort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (!(await answers(port))) {
      if (Date.now() > deadline) throw new Error('redis-server did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const stop = async () => {
    if (!child || child.exitCode !== null || child.signalCode !== null || !child.pid) return;
    const exited = new Promise((r) => child!.once('exit', r));
    process.kill(child.pid, 'SIGKILL');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get pid() {
      return child?.pid ?? 0;
    },
    stop,
    start,
    pause: () => child?.pid && process.kill(child.pid, 'SIGSTOP'),
    resume: () => child?.pid && process.kill(child.pid, 'SIGCONT'),
  };
}
