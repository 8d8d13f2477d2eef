import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { copyContent, freePort, startServer } from '@/e2e/support/server';

/**
 * deploy/nginx.conf with the lines marked `# bench: <name>` replaced, so the bench runs the very
 * configuration we document, on loopback, in a temporary folder.
 */
export function benchNginxConfig(source: string, values: { pid: string; cache: string; upstreams: string[]; listen: string }): string {
  // The marked `server` lines take the upstreams in order, keeping their parameters; a marked line
  // left over (one instance) becomes a comment, so the file keeps its line numbers.
  let upstream = 0;
  const replacements: Record<string, (line: string) => string> = {
    pid: () => `pid ${values.pid};`,
    cache: (line) => line.replace(/proxy_cache_path \S+/, `proxy_cache_path ${values.cache}`).replace(/\s*# bench: cache$/, ''),
    upstream: (line) => {
      const address = values.upstreams[upstream++];
      return address ? line.replace(/server \S+/, `server ${address}`).replace(/\s*# bench: upstream$/, '') : '    # (one instance)';
    },
    listen: () => `    listen ${values.listen};`,
  };
  const seen = new Set<string>();
  const out = source.split('\n').map((line) => {
    const marker = line.match(/#\s*bench:\s*(\w+)\s*$/);
    if (!marker) return line;
    const name = marker[1]!;
    const replace = replacements[name];
    if (!replace) throw new Error(`unknown bench marker ${name}`);
    seen.add(name);
    return replace(line);
  });
  for (const name of Object.keys(replacements)) if (!seen.has(name)) throw new Error(`deploy/nginx.conf lost its "# bench: ${name}" line`);
  if (upstream < values.upstreams.length)
    throw new Error(`deploy/nginx.conf has ${upstream} upstream lines for ${values.upstreams.length} instances`);
  return out.join('\n');
}

/** A static-file nginx: the ceiling for serving one HTML page from this machine. */
export function staticNginxConfig(values: { pid: string; root: string; listen: string }): string {
  return `worker_processes auto;
pid ${values.pid};
error_log stderr warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 100000;
  types { text/html html; }
  server {
    listen ${values.listen};
    root ${values.root};
    location / { try_files $uri $uri/index.html =404; }
  }
}
`;
}

/** Starts nginx in the foreground with a config file; stop() ends it by PID. */
export async function startNginx(dir: string, config: string, probeUrl: string) {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'nginx.conf');
  writeFileSync(file, config);
  const child = spawn('nginx', ['-c', file, '-p', dir, '-g', 'daemon off; user root;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let errors = '';
  child.stderr.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${errors}`);
    try {
      if ((await fetch(probeUrl)).status < 500) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`nginx did not start: ${errors}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    pid: child.pid!,
    /** What nginx has logged (warnings and errors), for a report to say why a request failed. */
    log: () => errors,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGQUIT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the process may have exited while we waited; TypeScript keeps the narrowing from before the await
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

export function readDeployConfig(root: string): string {
  return readFileSync(path.join(root, 'deploy', 'nginx.conf'), 'utf8');
}

/**
 * deploy/nginx.conf as a reverse cache in front of one or two instances, on a free loopback port
 * (or `port`, to restart it where it was), files under `dir`.
 */
export async function startReverseCache(dir: string, root: string, upstreamUrls: string | string[], port?: number) {
  const listen = port ?? (await freePort());
  const url = `http://127.0.0.1:${listen}`;
  const config = benchNginxConfig(readDeployConfig(root), {
    pid: path.join(dir, 'nginx.pid'),
    cache: path.join(dir, 'pages'),
    upstreams: [upstreamUrls].flat().map((u) => new URL(u).host),
    listen: `127.0.0.1:${listen}`,
  });
  return { ...(await startNginx(dir, config, `${url}/`)), url, port: listen };
}

/**
 * The documented deployment on loopback for a bench: a private copy of the build serving a copy
 * of the content (changed first by `prepare`), with deploy/nginx.conf in front; stop() ends both
 * and deletes the copies.
 */
export async function siteBehindNginx(
  root: string,
  { env, prepare }: { env: Record<string, string>; prepare?: (contentDir: string) => void },
) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'news-rebeat-bench-'));
  const contentDir = copyContent();
  prepare?.(contentDir);
  const server = await startServer({ contentDir, isolated: true, env });
  const nginx = await startReverseCache(path.join(work, 'nginx'), root, server.url);
  return {
    server,
    nginx,
    contentDir,
    /** A temporary folder for the bench's own files. */
    work,
    stop: async () => {
      await nginx.stop();
      await server.stop();
      rmSync(contentDir, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    },
  };
}
