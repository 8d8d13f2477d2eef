import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..');
const FIXTURE = 'lib/content/fixtures/check';

/** Runs `npm run content:check` as CI does, on a given content directory. */
async function contentCheck(env: Record<string, string>, args: string[] = []) {
  try {
    const { stdout, stderr } = await run('npm', ['run', '-s', 'content:check', '--', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('npm run content:check', () => {
  it('passes on the site’s own content', async () => {
    const result = await contentCheck({});
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/content check: 0 errors, 0 warnings in \d+ files under content/);
    // Progress, as a CI log shows it (no terminal): a plain line per step, ending at 100%.
    for (const step of ['stories', 'links and tags']) {
      expect(result.stderr).toMatch(new RegExp(`^content check: ${step}: ([\\d,]+)/\\1 \\(100%\\) \\d+ s$`, 'm'));
    }
    expect(result.stderr).not.toContain('\r');
    expect(result.code).toBe(0);
  }, 60_000);

  it('prints one line per problem, warnings marked, and exits 1 on errors', async () => {
    const reportDir = mkdtempSync(path.join(tmpdir(), 'check-report-'));
    const report = path.join(reportDir, 'content-check.json');
    try {
      const result = await contentCheck({ CONTENT_DIR: FIXTURE, PUBLIC_DIR: `${FIXTURE}/public` }, ['--report', report]);
      expect(result.code).toBe(1);
      const lines = result.stdout.trim().split('\n');
      expect(lines).toHaveLength(20);
      expect(lines).toContain(
        `${FIXTURE}/articles/bad-date.mdx:7:1 publishedAt: expected an ISO 8601 date with offset (e.g. 2023-02-18T09:00:00+00:00), got "yesterday"`,
      );
      expect(lines).toContain(
        `${FIXTURE}/articles/long-dek.mdx:3:1 dek: expected at most 200 characters so it reads well under the headline, got 207 (warning)`,
      );
      expect(result.stderr).toMatch(/content check: 18 errors, 2 warnings in 18 files/);
      expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ errors: 18, warnings: 2, files: 18 });
    } finally {
      rmSync(reportDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('exits 0 when there are only warnings', async () => {
    const result = await contentCheck({ CONTENT_DIR: `${FIXTURE}-warnings-only` });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ \(warning\)\n$/);
  }, 60_000);
});
