import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect, createServer } from 'node:net';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

export type RunningServer = {
  url: string;
  pid: number;
  /** performance.now() when `next start` was spawned, and when it was first seen ready. */
  startedAt: number;
  readyAt: number;
  /** The dist directory it serves (its route cache is under server/route-cache). */
  distDir: string;
  /** Everything the server printed, for assertions on logged errors. */
  output: () => string;
  /** Sends a signal to the server's process group (a fault test's `kill -9`, a deploy's SIGTERM). */
  signal: (name: NodeJS.Signals) => void;
  /** Resolves with the exit code (null when a signal ended it) once the process has exited. */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
};

/** A free TCP port on 127.0.0.1, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

type StartOptions = {
  /** Content directory for this server; default the repository's content/. */
  contentDir?: string;
  /**
   * Serve from a private copy of the build, so this server's ISR writes cannot leak into the
   * shared server's cache (Next writes regenerated pages into its dist directory).
   */
  isolated?: boolean;
  env?: Record<string, string>;
  /** Serve this dist directory (relative to the project) as it is, instead of `.next`. */
  distDir?: string;
  /** Another Next.js project to serve (the bench's bare floor app). */
  projectDir?: string;
  /**
   * Ready when the front page answers (default), or as soon as the port accepts a connection: the
   * scale bench times first requests after a restart, which a request to `/` would warm.
   */
  waitFor?: 'front page' | 'listening';
  /** Listen here instead of a free port: a restart behind nginx, whose upstream names the port. */
  port?: number;
};

/** Starts the production server on the build, bound to 127.0.0.1 on a free port. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const projectDir = options.projectDir ?? ROOT;
  let distDir = options.distDir ?? '.next';
  const buildId = path.join(projectDir, distDir, 'BUILD_ID');
  if (!existsSync(buildId)) throw new Error(`No production build at ${buildId}: run \`npm run build\` first.`);
  const port = options.port ?? (await freePort());
  let copy: string | undefined;
  if (options.isolated) {
    copy = copyBuild();
    distDir = path.relative(ROOT, copy);
  }
  const startedAt = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    // This site runs as it is deployed (`npm start`: deploy/server.mjs, which drains on SIGTERM);
    // another project (the bench's floor app) with plain `next start`.
    projectDir === ROOT
      ? [path.join(ROOT, 'deploy', 'server.mjs'), '-p', String(port), '-H', '127.0.0.1']
      : [path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-p', String(port), '-H', '127.0.0.1'],
    {
      cwd: projectDir,
      env: {
        ...process.env,
        NODE_ENV: 'production',
        NEXT_TELEMETRY_DISABLED: '1',
        NEXT_DIST_DIR: distDir,
        ...(options.contentDir ? { CONTENT_DIR: options.contentDir } : {}),
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the process may have exited while we waited; TypeScript keeps the narrowing from before the await
      if (child.exitCode === null) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
      }
    }
    if (copy) rmSync(copy, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    if (options.waitFor === 'listening') {
      if (await accepts(port)) break;
    } else {
      try {
        // This site is ready when its content index is (GET /api/health, 200); another project
        // (the bench's floor app) when its front page answers.
        const res = await fetch(projectDir === ROOT ? `${url}/api/health` : `${url}/`, { redirect: 'manual' });
        if (projectDir === ROOT ? res.status === 200 : res.status < 500) break;
      } catch {
        /* not listening yet */
      }
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`the server was not ready within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.waitFor === 'listening' ? 10 : 100));
  }
  return {
    url,
    pid: child.pid!,
    startedAt,
    readyAt: performance.now(),
    distDir: path.resolve(projectDir, distDir),
    output: () => output,
    signal: (name) => {
      try {
        process.kill(-child.pid!, name);
      } catch {
        /* already gone */
      }
    },
    exited,
    stop,
  };
}

/**
 * A private copy of the build under .e2e/ (absolute path), so a server's ISR writes cannot leak
 * into another's cache (Next writes regenerated pages into its dist directory).
 */
export function copyBuild(): string {
  const base = path.join(ROOT, '.e2e');
  mkdirSync(base, { recursive: true });
  const copy = mkdtempSync(path.join(base, 'dist-'));
  cpSync(path.join(ROOT, '.next'), copy, {
    recursive: true,
    // The compiler cache is unused by the server; the route cache holds pages the shared server
    // regenerated from other content, which must not leak into this server.
    filter: (src) =>
      !src.startsWith(path.join(ROOT, '.next', 'cache')) && !src.startsWith(path.join(ROOT, '.next', 'server', 'route-cache')),
  });
  return copy;
}

/** Whether something accepts TCP connections on 127.0.0.1:port (closed at once, nothing sent). */
function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A temporary copy of the repository's content, for tests that change files. */
export function copyContent(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-rebeat-content-'));
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}

/** A story the tests write into a content copy: a sample in World by Ines Okafor unless told otherwise. */
export type TestStory = {
  title: string;
  dek: string;
  body: string;
  section?: string;
  /** Omitted from the front matter when empty. */
  tags?: string[];
  authors?: string[];
  /** Default: a minute ago. */
  publishedAt?: Date;
  draft?: boolean;
};

export function writeTestStory(contentDir: string, slug: string, story: TestStory): void {
  const tags = story.tags ?? ['Port Calder'];
  const lines = [
    '---',
    `title: "${story.title}"`,
    `dek: ${story.dek}`,
    `section: ${story.section ?? 'world'}`,
    ...(tags.length ? [`tags: [${tags.join(', ')}]`] : []),
    `authors: [${(story.authors ?? ['ines-okafor']).join(', ')}]`,
    `publishedAt: ${(story.publishedAt ?? new Date(Date.now() - 60_000)).toISOString()}`,
    ...(story.draft ? ['draft: true'] : []),
    'sample: true',
    '---',
    '',
    story.body,
    '',
  ];
  writeFileSync(path.join(contentDir, 'articles', `${slug}.mdx`), lines.join('\n'));
}
