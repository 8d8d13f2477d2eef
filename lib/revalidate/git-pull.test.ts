import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** A repository with one commit of one file, and a server's clone of it. */
function originAndCheckout(file: string, text: string) {
  const origin = temp();
  git(origin, 'init', '-q');
  writeFileSync(path.join(origin, file), text);
  git(origin, 'add', '.');
  git(origin, 'commit', '-qm', 'first');
  const checkout = path.join(temp(), 'content');
  git(path.dirname(checkout), 'clone', '-q', origin, checkout);
  return { origin, checkout };
}

describe('gitPull', () => {
  it('fast-forwards the content checkout to what was pushed', async () => {
    const { origin, checkout } = originAndCheckout('sections.yaml', 'sections: []\n');

    writeFileSync(path.join(origin, 'new-story.mdx'), 'text\n');
    git(origin, 'add', '.');
    git(origin, 'commit', '-qm', 'second');

    expect(existsSync(path.join(checkout, 'new-story.mdx'))).toBe(false);
    expect(await gitPull(checkout)).toMatchObject({ ok: true });
    expect(existsSync(path.join(checkout, 'new-story.mdx'))).toBe(true);
  });

  it('puts a diverged or half-updated checkout back to the remote branch, and changes nothing when the fetch fails', async () => {
    const { origin, checkout } = originAndCheckout('story.mdx', 'first\n');
    // The checkout drifted (a commit made on the server, a file left half-written), and the
    // remote's history was rewritten: `git pull --ff-only` fails on this for ever.
    writeFileSync(path.join(checkout, 'story.mdx'), 'edited on the server\n');
    git(checkout, 'commit', '-qam', 'local');
    writeFileSync(path.join(checkout, 'story.mdx'), 'half-writ');
    writeFileSync(path.join(origin, 'story.mdx'), 'rewritten\n');
    git(origin, 'commit', '-q', '--amend', '-am', 'rewritten');

    expect(await gitPull(checkout)).toMatchObject({ ok: true });
    expect(readFileSync(path.join(checkout, 'story.mdx'), 'utf8')).toBe('rewritten\n');

    // The remote unreachable: a 502 for the webhook, and the files as they were.
    rmSync(origin, { recursive: true, force: true });
    const failed = await gitPull(checkout);
    expect(failed.ok).toBe(false);
    expect(readFileSync(path.join(checkout, 'story.mdx'), 'utf8')).toBe('rewritten\n');
  });

  it('reports failure (here: not a repository) instead of throwing', async () => {
    const result = await gitPull(temp());
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/not a git repository/i);
  });
});
