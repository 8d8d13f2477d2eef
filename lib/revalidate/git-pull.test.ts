import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitPull } from './git-pull';

const dirs: string[] = [];
const temp = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'git-pull-test-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

const git = (cwd: string, ...args: string[]) =>
  execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.invalid', '-c', 'init.defaultBranch=main', ...args], {
    cwd,
    stdio: 'pipe',
  });

describe('gitPull', () => {
  it('fast-forwards the content checkout to what was pushed', async () => {
    const origin = temp();
    git(origin, 'init', '-q');
    writeFileSync(path.join(origin, 'sections.yaml'), 'sections: []\n');
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'first');
    const checkout = path.join(temp(), 'content');
    git(path.dirname(checkout), 'clone', '-q', origin, checkout);

    writeFileSync(path.join(origin, 'new-story.mdx'), 'text\n');
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'second');

    expect(existsSync(path.join(checkout, 'new-story.mdx'))).toBe(false);
    expect(await gitPull(checkout)).toMatchObject({ ok: true });
    expect(existsSync(path.join(checkout, 'new-story.mdx'))).toBe(true);
  });

  it('reports failure (here: not a repository) instead of throwing', async () => {
    const result = await gitPull(temp());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/not a git repository/i);
  });
});
