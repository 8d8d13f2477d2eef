import 'server-only';
import { execFile } from 'node:child_process';

export type GitResult = { ok: true; output: string } | { ok: false; message: string };

/**
 * Runs git in `dir` with fixed arguments: no shell, never asking for a password, bounded in time.
 * Its first line of error when it fails (the webhook's 502 quotes it).
 */
export function runGit(dir: string, args: readonly string[], timeoutMs = 60_000): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(
      'git',
      args,
      { cwd: dir, timeout: timeoutMs, maxBuffer: 8 * 1024 * 1024, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } },
      (error, stdout, stderr) => {
        if (error) resolve({ ok: false, message: (stderr.trim() || error.message).split('\n')[0]! });
        else resolve({ ok: true, output: stdout });
      },
    );
  });
}
