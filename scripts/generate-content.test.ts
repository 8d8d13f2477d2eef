import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { checkContent } from '@/lib/content/check';
import { getAuthors, getPublishedStories } from '@/lib/content/queries';
import { closeContentIndex } from '@/lib/content/index/runtime';
import { generateContent } from './generate-content';

const dirs: string[] = [];
afterEach(async () => {
  await closeContentIndex();
  vi.unstubAllEnvs();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

it('writes N articles that all pass the content schema, across 8+ sections and 20+ authors', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'generated-'));
  dirs.push(dir);
  generateContent({ count: 200, dir });
  vi.stubEnv('CONTENT_DIR', dir);
  vi.stubEnv('CONTENT_INDEX_FILE', path.join(dir, '.index.sqlite'));
  expect((await checkContent(dir, 'public')).problems.filter((p) => p.severity === 'error')).toEqual([]);
  const stories = await getPublishedStories();
  expect(stories).toHaveLength(200);
  expect(new Set(stories.map((a) => a.section)).size).toBeGreaterThanOrEqual(8);
  expect(await getAuthors([...new Set(stories.flatMap((a) => a.authors))])).toHaveLength(new Set(stories.flatMap((a) => a.authors)).size);
  expect(new Set(stories.flatMap((a) => a.authors)).size).toBeGreaterThanOrEqual(20);
  expect(new Set(stories.flatMap((a) => a.tags)).size).toBeGreaterThan(100);
  const years = new Set(stories.map((a) => a.publishedAt.slice(0, 4)));
  expect(years.size).toBeGreaterThanOrEqual(4);
  expect(stories.every((a) => a.title.startsWith('Synthetic'))).toBe(true);
}, 120_000);

it('is deterministic for a seed', () => {
  const a = mkdtempSync(path.join(tmpdir(), 'generated-'));
  const b = mkdtempSync(path.join(tmpdir(), 'generated-'));
  dirs.push(a, b);
  generateContent({ count: 5, dir: a, seed: 7 });
  generateContent({ count: 5, dir: b, seed: 7 });
  const read = (d: string) => readFileSync(path.join(d, 'articles', 'synthetic-3.mdx'), 'utf8');
  expect(read(a)).toBe(read(b));
});

it('refuses to write into the repository content directory', () => {
  expect(() => generateContent({ count: 1, dir: path.resolve(__dirname, '..', 'content') })).toThrow(/refusing/);
});

it('counts stories per section and reports progress after each file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'generated-'));
  dirs.push(dir);
  const calls: [number, number][] = [];
  const { perSection } = generateContent({ count: 30, dir, onProgress: (done, total) => calls.push([done, total]) });
  expect(Object.values(perSection).reduce((a, b) => a + b, 0)).toBe(30);
  expect(calls).toHaveLength(30);
  expect(calls.at(-1)).toEqual([30, 30]);
});
