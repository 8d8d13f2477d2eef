import { execFile } from 'node:child_process';

export type GitPullResult = { ok: true; output: string } | { ok: false; message: string };

let queue: Promise<unknown> = Promise.resolve();

/**
 * `git pull --ff-only` in the content directory: fixed arguments, no shell, never two at once
 * (pushes arriving together wait their turn), never asking for a password.
 */
export function gitPull(dir: string): Promise<GitPullResult> {
  const run = () =>
    new Promise<GitPullResult>((resolve) => {
      execFile(
        'git',
        ['pull', '--ff-only'],
        { cwd: dir, timeout: 60_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
        (error, stdout, stderr) => {
          if (error) resolve({ ok: false, message: (stderr.trim() || error.message).split('\n')[0]! });
          else resolve({ ok: true, output: stdout.trim() });
        },
      );
    });
  const result = queue.then(run, run);
  queue = result;
  return result;
}
