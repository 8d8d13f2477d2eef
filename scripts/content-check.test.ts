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
      expect(lines).toHaveLength(29);
      expect(lines).toContain(
        `${FIXTURE}/articles/bad-date.mdx:7:1 publishedAt: expected an ISO 8601 date with offset (e.g. 2023-02-18T09:00:00+00:00), got "yesterday"`,
      );
      // One line for each URL rule (issue 15): source links, front matter images, <Figure> images.
      expect(lines).toContain(
        `${FIXTURE}/articles/source-url-scheme.mdx:10:3 source.url: expected the absolute http(s) URL of the source, got "data:text/html,<script>alert(1)</script>"`,
      );
      expect(lines).toContain(
        `${FIXTURE}/articles/image-src-other-host.mdx:9:3 image.src: expected an image path under public/ starting with "/" (e.g. /images/story.jpg), got "//evil.com/x.jpg"`,
      );
      expect(lines).toContain(
        `${FIXTURE}/articles/figure-src-other-host.mdx:12:9 body: <Figure> src: expected an image path under public/ starting with "/" (e.g. /images/story.jpg), got "/\\\\evil.com/x.svg"`,
      );
      expect(lines).toContain(
        `${FIXTURE}/articles/long-dek.mdx:3:1 dek: expected at most 200 characters so it reads well under the headline, got 207 (warning)`,
      );
      expect(result.stderr).toMatch(/content check: 22 errors, 7 warnings in 24 files/);
      expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ errors: 22, warnings: 7, files: 24 });
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
