import 'server-only';
import { runGit as git, type GitResult } from '@/lib/content/git';

export type GitPullResult = GitResult;

let queue: Promise<unknown> = Promise.resolve();

/**
 * Brings the server's content checkout to what was pushed: `git fetch`, then `git reset --hard` to
 * the branch it tracks. The remote is the truth (docs/deploy.md, "Content checkouts"): a checkout
 * left behind, diverged or half-updated by an earlier failure is put right by the next push,
 * without anyone logging in. A fetch that fails changes nothing. Fixed arguments, no shell, never
 * two at once (pushes arriving together wait their turn), never asking for a password.
 */
export function gitPull(dir: string): Promise<GitPullResult> {
  const run = async (): Promise<GitPullResult> => {
    const fetched = await git(dir, ['fetch', '--quiet', '--prune']);
    if (!fetched.ok) return fetched;
    return git(dir, ['reset', '--hard', '--quiet', '@{upstream}']);
  };
  const result = queue.then(run, run);
  queue = result;
  return result;
}
