import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStory, parseAuthor } from './parse';

const root = path.resolve(__dirname, '..', '..');
const fixture = path.join(root, 'e2e', 'fixtures', 'seed-story.txt');
// The original seed sits beside the repository (shared/) on the team's machines and in CI.
const original = path.join(root, '..', 'shared', 'seed', '000_22f1c6345fe1daae.txt');
const storyFile = 'content/articles/putin-lukashenko-summit-novo-ogaryovo.mdx';

describe('the seed story', () => {
  const seed = readFileSync(fixture, 'utf8');
  const lines = seed.trim().split('\n');

  it.runIf(existsSync(original))('fixture is a byte-for-byte copy of the seed', () => {
    expect(seed).toBe(readFileSync(original, 'utf8'));
  });

  it('publishes every body sentence verbatim, with Donga as the structured source', () => {
    const parsed = parseStory(storyFile, readFileSync(path.join(root, storyFile), 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const paragraphs = parsed.value.body
      .split(/\n\s*\n/)
      .map((p) => p.trim())
      .filter(Boolean);
    expect(paragraphs).toEqual(lines.slice(0, 10));
    expect(lines[10]).toBe('Source: Donga');
    expect(parsed.value.source).toEqual({ name: 'Donga' });
    expect(parsed.value.authors).toEqual(['mark-jones']);
    expect(parsed.value.section).toBe('world');
    expect(parsed.value.publishedAt.startsWith('2023-02-18')).toBe(true);
  });

  it("keeps the last paragraph as Mark Jones's bio", () => {
    const author = parseAuthor('content/authors/mark-jones.yaml', readFileSync(path.join(root, 'content/authors/mark-jones.yaml'), 'utf8'));
    expect(author.ok && author.value.bio).toBe(lines[11]);
  });
});
