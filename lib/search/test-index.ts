import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openIndex, type IndexDb } from '@/lib/content/index/database';
import { storyOf, parseStory, parseAuthor, parseSections } from '@/lib/content/parse';
import { checkBody } from '@/lib/mdx/compile';
import type { Story, Author, Section } from '@/lib/content/schema';
import { bumpRevision, deleteStory, writeStory } from '@/lib/content/index/story-rows';
import { writeSearchRow, type SearchNames } from './search-rows';

/*
 * A real content index in a temporary directory, filled the way the reconciler fills it (a
 * `stories` row, then its search row), for search's tests and benchmark. Not used by the site.
 */

/** The names to index for a story, as the reconciler's indexedNames gives them. */
export function searchNames(story: Story, sections: readonly Section[], authors: ReadonlyMap<string, Author>): SearchNames {
  const section = sections.find((s) => s.id === story.section);
  return {
    section: section ? `${section.name} ${section.id}` : story.section,
    authors: story.authors.map((id) => authors.get(id)?.name ?? id).join(', '),
  };
}

export type TestIndex = { db: IndexDb; file: string; close: () => void };

export function createTestIndex(): TestIndex {
  const dir = mkdtempSync(path.join(tmpdir(), 'search-index-'));
  const file = path.join(dir, 'index.sqlite');
  const { db } = openIndex(file, path.join(dir, 'content'));
  return {
    db,
    file,
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Writes (or replaces) a story row and its search row, and bumps the revision, in one transaction.
 * The search row first, as the reconciler does: it is found by the time the stories row records.
 */
export function putStory(db: IndexDb, story: Story, names: SearchNames = { section: story.section, authors: story.authors.join(', ') }) {
  db.transaction(() => {
    writeRows(db, story, names);
    bumpRevision(db);
  })();
}

/**
 * No transaction of its own: a SAVEPOINT per story would make FTS5 flush its pending rows each time.
 * The reconciler's own writer (stories, listings, counts), then the search row again with the names
 * the test gives (the writer reads them from tables these tests leave empty).
 */
function writeRows(db: IndexDb, story: Story, names: SearchNames) {
  writeStory(db, story, String(story.text.length), '', []);
  writeSearchRow(db, story, names);
}

export function removeStory(db: IndexDb, slug: string) {
  db.transaction(() => {
    deleteStory(db, slug);
    bumpRevision(db);
  })();
}

/**
 * Reads a content directory into the index (through the reconciler's writer), in one transaction.
 * Bodies are checked first, as the reconciler does: a story's text comes from its body check.
 */
export async function loadContent(
  db: IndexDb,
  dir: string,
): Promise<{ sections: Section[]; authors: Map<string, Author>; stories: number }> {
  const read = <T>(file: string, parse: (file: string, source: string) => { ok: true; value: T } | { ok: false }): T => {
    const parsed = parse(file, readFileSync(path.join(dir, file), 'utf8'));
    if (!parsed.ok) throw new Error(`${file} does not parse`);
    return parsed.value;
  };
  const sections = read('sections.yaml', parseSections);
  const authors = new Map(
    readdirSync(path.join(dir, 'authors'))
      .map((f) => read(`authors/${f}`, parseAuthor))
      .map((a) => [a.id, a]),
  );
  const files = readdirSync(path.join(dir, 'articles')).filter((f) => f.endsWith('.mdx'));
  const stories: Story[] = [];
  for (const file of files) {
    const story = read(`articles/${file}`, (f, source) => parseStory(f, source));
    const check = await checkBody(story.body);
    if (check.text === undefined) throw new Error(`articles/${file} has a body that does not check`);
    stories.push(storyOf(story, check.text));
  }
  db.transaction(() => {
    for (const story of stories) writeRows(db, story, searchNames(story, sections, authors));
    bumpRevision(db);
  })();
  return { sections, authors, stories: files.length };
}
