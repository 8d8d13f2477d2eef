import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { searchArticles } from './engine';
import { getSearchIndex } from './store';

let dir: string;
const HOUR = 3600 * 1000;

function write(relative: string, text: string) {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function article(slug: string, fields: Record<string, string> = {}, body = 'Body text.') {
  const all = {
    title: `Quarry story ${slug}`,
    dek: 'A dek.',
    section: 'world',
    authors: '[ana-ruiz]',
    publishedAt: '2024-01-01T10:00:00Z',
    ...fields,
  };
  write(`articles/${slug}.mdx`, ['---', ...Object.entries(all).map(([k, v]) => `${k}: ${v}`), '---', '', body, ''].join('\n'));
}

async function found(query: string, now = Date.now()) {
  const index = await getSearchIndex(now);
  return searchArticles(index, { query, now, perPage: 100 })
    .hits.map((h) => h.article.slug)
    .sort();
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'search-store-test-'));
  vi.stubEnv('CONTENT_DIR', dir);
  vi.stubEnv('HIDE_SAMPLES', '');
  write('sections.yaml', 'sections:\n  - id: world\n    name: World\n    description: The world.\n');
  write('authors/ana-ruiz.yaml', 'name: Ana Ruiz\nrole: Reporter\nbio: Reports.\n');
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('search index over the content index', () => {
  it('holds public stories only: never drafts, scheduled stories or hidden samples', async () => {
    article('published');
    article('draft', { draft: 'true' });
    article('scheduled', { publishedAt: new Date(Date.now() + 24 * HOUR).toISOString() });
    article('sample', { sample: 'true' });
    expect(await found('quarry')).toEqual(['published', 'sample']);
    vi.stubEnv('HIDE_SAMPLES', '1');
    expect(await found('quarry')).toEqual(['published']);
  });

  it('finds a story added after the index was built, without a restart', async () => {
    article('first');
    expect(await found('quarry')).toEqual(['first']);
    article('second', {}, 'The zeppelin landed at dawn.');
    await vi.waitFor(async () => expect(await found('zeppelin')).toEqual(['second']), { timeout: 5000, interval: 100 });
    expect(await found('quarry')).toEqual(['first', 'second']);
  });

  it('forgets an edited story’s old words and a deleted story', async () => {
    article('edited', {}, 'The zeppelin landed at dawn.');
    article('deleted', {}, 'A balloon drifted away.');
    expect(await found('zeppelin')).toEqual(['edited']);
    article('edited', {}, 'The airship landed at dawn.');
    rmSync(path.join(dir, 'articles', 'deleted.mdx'));
    await vi.waitFor(async () => expect(await found('airship')).toEqual(['edited']), { timeout: 5000, interval: 100 });
    expect(await found('zeppelin')).toEqual([]);
    expect(await found('balloon')).toEqual([]);
  });

  it('takes in a scheduled story when its time comes, with no change on disk', async () => {
    const now = Date.now();
    article('later', { publishedAt: new Date(now + HOUR).toISOString() }, 'The comet returns.');
    expect(await found('comet', now)).toEqual([]);
    expect(await found('comet', now + 2 * HOUR)).toEqual(['later']);
  });

  it('does not touch the index when nothing changed', async () => {
    article('steady');
    const first = await getSearchIndex();
    const revision = first.revision;
    const second = await getSearchIndex();
    expect(second).toBe(first);
    expect(second.revision).toBe(revision);
    // While a change does show.
    article('steady', {}, 'A new paragraph.');
    await vi.waitFor(async () => expect((await getSearchIndex()).revision).toBeGreaterThan(revision), { timeout: 5000, interval: 100 });
  });
});
