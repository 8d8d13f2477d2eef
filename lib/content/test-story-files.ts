import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Writes a content file under `dir` (tests). */
export function writeContentFile(dir: string, relative: string, text: string) {
  const file = path.join(dir, relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

/** Writes a story file with valid front matter but for `fields` (tests): section world, author ana-ruiz. */
export function writeStoryFile(dir: string, slug: string, fields: Record<string, string> = {}, body = 'Body text.') {
  const all = {
    title: `Story ${slug}`,
    dek: 'A dek.',
    section: 'world',
    authors: '[ana-ruiz]',
    publishedAt: '2024-01-01T10:00:00Z',
    ...fields,
  };
  writeContentFile(
    dir,
    `articles/${slug}.mdx`,
    ['---', ...Object.entries(all).map(([k, v]) => `${k}: ${v}`), '---', '', body, ''].join('\n'),
  );
}
