import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getContentIndex } from './store';
import { formatProblem } from './problems';
import { getArticle, getPublishedArticles } from './queries';

let dir: string;

function write(relative: string, text: string) {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

function article(slug: string, fields: Record<string, string> = {}) {
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
    ['---', ...Object.entries(all).map(([k, v]) => `${k}: ${v}`), '---', '', 'Body text.', ''].join('\n'),
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
});
