import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { articleHistory, getContentIndex, peekContentIndex, refreshContentIndex } from './store';
import { formatProblem } from './problems';
import { BrokenStoryError, getArticle, getPublishedArticles, getStoryForPage } from './queries';

let dir: string;

function write(relative: string, text: string) {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function article(slug: string, fields: Record<string, string> = {}, body = 'Body text.') {
  const all = {
    title: `Story ${slug}`,
    dek: 'A dek.',
    section: 'world',
    authors: '[ana-ruiz]',
    publishedAt: '2024-01-01T10:00:00Z',
    ...fields,
  };
  write(
    `articles/${slug}.mdx`,
    ['---', ...Object.entries(all).map(([k, v]) => `${k}: ${v}`), '---', '', body, ''].join('\n'),
  );
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'content-test-'));
  vi.stubEnv('CONTENT_DIR', dir);
  vi.spyOn(console, 'error').mockImplementation(() => {});
  write('sections.yaml', 'sections:\n  - id: world\n    name: World\n    description: The world.\n');
  write('authors/ana-ruiz.yaml', 'name: Ana Ruiz\nrole: Reporter\nbio: Reports.\n');
});

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('content index', () => {
  it('loads valid articles newest first', async () => {
    article('older', { publishedAt: '2024-01-01T10:00:00Z' });
    article('newer', { publishedAt: '2024-02-01T10:00:00+01:00' });
    const index = await getContentIndex();
    expect(index.articles.map((a) => a.slug)).toEqual(['newer', 'older']);
    expect(index.problems).toEqual([]);
  });

  it('leaves out an article with an unknown author, naming file, line and field, and logs it once', async () => {
    article('good');
    article('orphan', { authors: '[ana-ruiz, nobody-here]' });
    const index = await getContentIndex();
    expect(index.articles.map((a) => a.slug)).toEqual(['good']);
    // Outside the working directory, files are named by absolute path.
    const rel = path.join(dir, 'articles', 'orphan.mdx');
    expect(index.problems.map(formatProblem)).toEqual([
      `${rel}:5:21 authors.1: expected the id of a file in content/authors/ (ana-ruiz), got "nobody-here"`,
    ]);
    expect(console.error).toHaveBeenCalledTimes(1);
  });

  it('leaves out an article in an unknown section', async () => {
    article('lost', { section: 'sport' });
    const index = await getContentIndex();
    expect(index.articles).toEqual([]);
    expect(formatProblem(index.problems[0]!)).toMatch(/lost\.mdx:4:1 section: expected a section id .*\(world\), got "sport"/);
  });

  it('keeps serving other stories when one file is broken', async () => {
    article('fine');
    write('articles/broken.mdx', '---\ntitle: [\n---\n');
    const index = await getContentIndex();
    expect(index.articles.map((a) => a.slug)).toEqual(['fine']);
    expect(index.problems).toHaveLength(1);
  });

  it('sees added and edited files without a restart', async () => {
    article('first');
    expect((await getContentIndex()).articles).toHaveLength(1);
    article('second');
    article('first', { title: 'Edited title' });
    await vi.waitFor(async () => {
      const index = await getContentIndex();
      expect(index.articles.map((a) => a.title).sort()).toEqual(['Edited title', 'Story second']);
    }, { timeout: 5000, interval: 100 });
  });

  it('does not rebuild when nothing changed', async () => {
    article('only');
    const first = await getContentIndex();
    expect(await getContentIndex()).toBe(first);
  });
});

describe('public visibility', () => {
  it('hides drafts, scheduled stories and, when asked, samples', async () => {
    article('published');
    article('draft', { draft: 'true' });
    article('scheduled', { publishedAt: '2999-01-01T00:00:00Z' });
    article('sample', { sample: 'true' });
    expect((await getPublishedArticles()).map((a) => a.slug).sort()).toEqual(['published', 'sample']);
    expect(await getArticle('draft')).toBeUndefined();
    expect(await getArticle('scheduled')).toBeUndefined();
    vi.stubEnv('HIDE_SAMPLES', '1');
    expect((await getPublishedArticles()).map((a) => a.slug)).toEqual(['published']);
    expect(await getArticle('sample')).toBeUndefined();
  });

  it('lists a scheduled story from its time on, with no change to the files', async () => {
    article('published');
    article('scheduled', { publishedAt: '2030-06-01T12:00:00Z' });
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2030-06-01T11:59:59Z'));
      expect((await getPublishedArticles()).map((a) => a.slug)).toEqual(['published']);
      vi.setSystemTime(new Date('2030-06-01T12:00:00Z'));
      expect((await getPublishedArticles()).map((a) => a.slug)).toEqual(['scheduled', 'published']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('stories whose body is not allowed or does not compile', () => {
  it('are left out of every list with one logged error naming file, line and column', async () => {
    article('fine');
    article('sneaky', {}, 'Hello {process.env.HOME}');
    const index = await getContentIndex();
    expect(index.articles.map((a) => a.slug)).toEqual(['fine']);
    const rel = path.join(dir, 'articles', 'sneaky.mdx');
    expect(index.problems.map(formatProblem)).toEqual([
      `${rel}:9:7 body: JavaScript expressions are not allowed in stories, found {process.env.HOME}: to show a curly brace, write \\{`,
    ]);
    expect((await getPublishedArticles()).map((a) => a.slug)).toEqual(['fine']);
    expect(console.error).toHaveBeenCalledTimes(1);
    await refreshContentIndex();
    expect(console.error).toHaveBeenCalledTimes(1);
  });

  it('are checked in the background after a cold start with many stories, then left out', async () => {
    vi.resetModules();
    vi.stubEnv('CONTENT_SYNC_BODY_CHECKS', '1');
    const fresh = await import('./store');
    // Another directory than the module-level state, so this index starts cold.
    article('one');
    article('two', {}, '<script>alert(1)</script>');
    article('three');
    const first = await fresh.getContentIndex();
    expect(first.pendingBodyChecks).toBe(3);
    expect(first.articles).toHaveLength(3);
    await vi.waitFor(async () => {
      const index = await fresh.getContentIndex();
      expect(index.pendingBodyChecks).toBe(0);
      expect(index.articles.map((a) => a.slug).sort()).toEqual(['one', 'three']);
      expect(index.broken.has('two')).toBe(true);
    }, { timeout: 5000, interval: 50 });
  });
});

describe('body check cache (check-cache.ts)', () => {
  it("a cold start takes the build's body checks instead of compiling every story again", async () => {
    const cacheDir = mkdtempSync(path.join(tmpdir(), 'check-cache-'));
    vi.stubEnv('CONTENT_CHECK_CACHE', path.join(cacheDir, 'content-checks.json'));
    vi.stubEnv('CONTENT_SYNC_BODY_CHECKS', '1');
    vi.resetModules();
    const build = await import('./store');
    article('one');
    article('two', {}, '<script>alert(1)</script>');
    article('three');
    // Like a build worker: checked in the background, then written down.
    expect((await build.getContentIndex()).pendingBodyChecks).toBe(3);
    await vi.waitFor(async () => expect((await build.getContentIndex()).pendingBodyChecks).toBe(0), { timeout: 5000, interval: 50 });

    // Like `next start` on the same files: every result is known, nothing is pending, the bad body is out at once.
    const first = dir;
    dir = mkdtempSync(path.join(tmpdir(), 'content-test-'));
    for (const name of ['sections.yaml', 'authors/ana-ruiz.yaml', 'articles/one.mdx', 'articles/two.mdx', 'articles/three.mdx']) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), readFileSync(path.join(first, name)));
    }
    article('four', {}, 'A body the build never saw.');
    vi.stubEnv('CONTENT_DIR', dir);
    vi.resetModules();
    const start = await import('./store');
    const index = await start.getContentIndex();
    expect(index.pendingBodyChecks).toBe(0);
    expect(index.articles.map((a) => a.slug).sort()).toEqual(['four', 'one', 'three']);
    expect(index.broken.get('two')?.problems[0]).toMatchObject({ field: 'body', file: expect.stringContaining('two.mdx') });
    rmSync(first, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  });
});

describe('getStoryForPage', () => {
  it('gives readers public stories and 404s (undefined) for drafts and scheduled ones', async () => {
    article('published');
    article('draft', { draft: 'true' });
    article('scheduled', { publishedAt: '2999-01-01T00:00:00Z' });
    expect(await getStoryForPage('published')).toMatchObject({ kind: 'story', public: true });
    expect(await getStoryForPage('draft')).toBeUndefined();
    expect(await getStoryForPage('scheduled')).toBeUndefined();
    expect(await getStoryForPage('nothing-here')).toBeUndefined();
  });

  it('shows drafts and scheduled stories in preview, marked as not public', async () => {
    article('draft', { draft: 'true' });
    article('scheduled', { publishedAt: '2999-01-01T00:00:00Z' });
    expect(await getStoryForPage('draft', { preview: true })).toMatchObject({ kind: 'story', public: false });
    expect(await getStoryForPage('scheduled', { preview: true })).toMatchObject({ kind: 'story', public: false });
  });

  it('throws for a story whose file broke, so Next keeps the last good page; preview shows the problems', async () => {
    article('was-fine');
    expect(await getStoryForPage('was-fine')).toMatchObject({ kind: 'story' });
    article('was-fine', {}, '<iframe src="https://evil.example" />');
    await refreshContentIndex();
    await expect(getStoryForPage('was-fine')).rejects.toBeInstanceOf(BrokenStoryError);
    const preview = await getStoryForPage('was-fine', { preview: true });
    expect(preview?.kind).toBe('problems');
    write('articles/bad-yaml.mdx', '---\ntitle: [\n---\n');
    await refreshContentIndex();
    await expect(getStoryForPage('bad-yaml')).rejects.toThrow(/bad-yaml has errors/);
  });

  it('404s a broken draft rather than throwing: readers could not see it anyway', async () => {
    article('broken-draft', { draft: 'true' }, '{1 + 1}');
    expect(await getStoryForPage('broken-draft')).toBeUndefined();
  });
});

describe('refreshing and history (for push-to-publish)', () => {
  it('refreshContentIndex sees a change at once, without the watcher', async () => {
    vi.stubEnv('CONTENT_WATCH', '0');
    vi.stubEnv('CONTENT_POLL_MS', '600000');
    vi.resetModules();
    const fresh = await import('./store');
    article('first');
    expect((await fresh.getContentIndex()).articles).toHaveLength(1);
    article('second');
    // Without a watcher, a plain read only looks again after the poll interval (here ten minutes).
    expect((await fresh.getContentIndex()).articles).toHaveLength(1);
    expect((await fresh.refreshContentIndex()).articles).toHaveLength(2);
  });

  it('remembers where a deleted story was listed', async () => {
    article('going', { tags: '[Harbour, Budgets]' });
    article('draft-only', { draft: 'true' });
    await getContentIndex();
    expect(peekContentIndex()?.articles).toHaveLength(2);
    rmSync(path.join(dir, 'articles', 'going.mdx'));
    const after = await refreshContentIndex();
    expect(after.articles.map((a) => a.slug)).toEqual(['draft-only']);
    expect(articleHistory().get('going')).toEqual({ sections: ['world'], tags: ['Harbour', 'Budgets'], authors: ['ana-ruiz'] });
    // Never public, never listed: nothing to remember.
    expect(articleHistory().has('draft-only')).toBe(false);
  });
});
