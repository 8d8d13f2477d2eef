import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { peakRssSampler } from './memory';

const ROOT = path.resolve(__dirname, '..', '..');

/**
 * What `npm run build` runs, in order: the content index step when the project has one (it
 * becomes `<index step> && next build`), then `next build`. The one place to change when the
 * build script changes, so every bench builds the way the site does.
 */
export function buildSteps(root = ROOT): { name: string; args: string[] }[] {
  const indexScript = path.join(root, 'scripts', 'content-index.mts');
  return [
    ...(existsSync(indexScript) ? [{ name: 'content index', args: [path.join(root, 'node_modules', '.bin', 'tsx'), indexScript] }] : []),
    { name: 'next build', args: [path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'build'] },
  ];
}

export type BuildOptions = {
  contentDir: string;
  /** Relative to the project, as NEXT_DIST_DIR must be. */
  distDir: string;
  prerenderLimit?: number;
  /** Per build; the process group is killed past it. */
  timeoutMs?: number;
  env?: Record<string, string>;
};

export type BuildResult = { seconds: number; peakBytes: number; log: string };

/**
 * Builds the site like `npm run build` into its own dist directory, timing the whole and sampling
 * the memory of each step's process tree (Next's build workers are children). Throws with the end
 * of the log when a step fails or runs out of time.
 */
export async function buildSite({
  contentDir,
  distDir,
  prerenderLimit,
  timeoutMs = 60 * 60_000,
  env = {},
}: BuildOptions): Promise<BuildResult> {
  const tsconfig = path.join(ROOT, 'tsconfig.json');
  const tsconfigBefore = readFileSync(tsconfig, 'utf8');
  const started = performance.now();
  let peakBytes = 0;
  let log = '';
  try {
    for (const step of buildSteps()) {
      const child = spawn(process.execPath, step.args, {
        cwd: ROOT,
        env: {
          ...process.env,
          CONTENT_DIR: contentDir,
          NEXT_DIST_DIR: distDir,
          NEXT_TELEMETRY_DISABLED: '1',
          ...(prerenderLimit === undefined ? {} : { PRERENDER_LIMIT: String(prerenderLimit) }),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group, so a timeout stops the build workers too.
        detached: true,
      });
      child.stdout.on('data', (c: Buffer) => {
        log += c.toString();
      });
      child.stderr.on('data', (c: Buffer) => {
        log += c.toString();
      });
      const sampler = peakRssSampler(child.pid!);
      let timedOut = false;
      const timer = setTimeout(
        () => {
          timedOut = true;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            /* already gone */
          }
        },
        timeoutMs - (performance.now() - started),
      );
      const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
      clearTimeout(timer);
      peakBytes = Math.max(peakBytes, sampler.stop());
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- set by the timeout callback above, which TypeScript's narrowing does not see
      if (timedOut) throw new Error(`${step.name} ran out of time (${Math.round(timeoutMs / 1000)} s):\n${log.slice(-4000)}`);
      if (code !== 0) throw new Error(`${step.name} failed (exit ${code}):\n${log.slice(-4000)}`);
    }
  } finally {
    // Next adds every dist directory it builds into to tsconfig.json's include; these are temporary.
    writeFileSync(tsconfig, tsconfigBefore);
  }
  return { seconds: (performance.now() - started) / 1000, peakBytes, log };
}
