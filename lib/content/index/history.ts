import 'server-only';
import path from 'node:path';
import { checkBody } from '@/lib/mdx/compile';
import { contentHash } from '../content-hash';
import { displayPath } from '../content-dir';
import { runGit } from '../git';
import { parseStory } from '../parse';
import type { KnownIds } from '../rules';
import { judgeStory, type GoodVersion } from './judge';

/** Commits searched per file for a version that passes the rules. */
const COMMITS = 10;

export type PastGoodVersion = GoodVersion & {
  hash: string;
  /** Short commit id and commit date, for the log. */
  commit: string;
  date: string;
};

/**
 * The newest version of a story file in git's history that passes every rule: the last good
 * version of a story whose file now has errors, when the index holds none (it was rebuilt under
 * new rules, or this is a new machine). Git is the source of truth, so it is derived from the
 * files like the rest of the index. Undefined when none of its last commits passes, or the
 * content is not a git checkout.
 */
export async function lastGoodInHistory(
  dir: string,
  rel: string,
  currentHash: string,
  known: KnownIds,
): Promise<PastGoodVersion | undefined> {
  const log = await runGit(dir, ['log', `-n${COMMITS}`, '--format=%h %cs', '--', rel], 10_000);
  if (!log.ok) return undefined;
  const file = displayPath(path.join(dir, rel));
  for (const line of log.output.split('\n').filter(Boolean)) {
    const [commit = '', date = ''] = line.split(' ');
    // `./` makes the path relative to the content directory, wherever the repository's root is.
    const shown = await runGit(dir, ['show', `${commit}:./${rel}`], 10_000);
    if (!shown.ok) continue;
    const hash = contentHash(shown.output);
    if (hash === currentHash) continue;
    const outcome = parseStory(file, shown.output, known);
    const { good } = judgeStory(file, outcome, outcome.ok ? await checkBody(outcome.value.body) : undefined);
    if (good) return { ...good, hash, commit, date };
  }
  return undefined;
}
