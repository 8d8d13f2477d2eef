import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_RULES_VERSION } from './rules-version';

/** The files whose rules decide what a story's index rows hold. */
const RULE_FILES = [
  'lib/content/schema.ts',
  'lib/content/parse.ts',
  'lib/content/rules.ts',
  'lib/content/reserved-ids.ts',
  'lib/content/front-matter.ts',
  'lib/content/index/reconcile.ts',
  'lib/content/index/judge.ts',
  'lib/content/index/story-rows.ts',
  'lib/content/index/update-rows.ts',
  'lib/content/related-ranking.ts',
  'lib/content/topic-terms.ts',
  'lib/mdx/plain-text.ts',
  'lib/mdx/safe-mdx.ts',
  'lib/mdx/compile.ts',
  'lib/content/content-hash.ts',
  'lib/mdx/allowed-components.ts',
  'lib/mdx/syntax.ts',
  'lib/mdx/options.ts',
  'lib/mdx/embed.ts',
  'lib/mdx/limits.ts',
  'lib/search/search-rows.ts',
];

/** The version and the rule files' hash it was set for: update both together. */
const RECORDED = { version: '2026-12-05.14', hash: '306ef4ff9edb8139' };

describe('content rules version', () => {
  it('is bumped whenever a rule file changes, so every index is rebuilt under the new rules', () => {
    const hash = createHash('sha256');
    for (const file of RULE_FILES) hash.update(readFileSync(path.join(process.cwd(), file)));
    const now = hash.digest('hex').slice(0, 16);
    // When this fails: bump CONTENT_RULES_VERSION in rules-version.ts and set both values here.
    expect({ version: CONTENT_RULES_VERSION, hash: now }).toEqual(RECORDED);
  });
});
