import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startServer, type RunningServer } from '@/e2e/support/server';

const ROOT = path.resolve(__dirname, '..', '..');

/** The framework's floor (bench/floor-app): bare App Router pages built with the site's own Next.js. */
export const FLOOR_DIR = path.join(ROOT, 'bench', 'floor-app');

/** Builds the floor app and starts `next start` on it. */
export async function startFloorApp(): Promise<RunningServer> {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/next/dist/bin/next'), 'build'], {
    cwd: FLOOR_DIR,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  return startServer({ projectDir: FLOOR_DIR });
}
