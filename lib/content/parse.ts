import { countWords } from '@/lib/mdx/plain-text';
import type { ContentProblem } from './problems';
import { runAuthorRules, runSectionsRules, runStoryRules, runUpdateRules, type KnownIds } from './rules';
import { splitFrontMatter } from './front-matter';
import type { Story, Author, Section, StoryFile, LiveUpdateFile } from './schema';

/**
 * A parsed file: its value when no rule refuses it, and every problem found (warnings too, with a
 * value). A refused story still hands back its body, and the story as written when its shape is
 * right, so that the body's and the site's rules run in the same pass: one run reports every
 * problem of the file.
 */
export type Parsed<T> =
  { ok: true; value: T; problems: ContentProblem[] } | { ok: false; problems: ContentProblem[]; body?: string; asWritten?: T };

/**
 * Parses one story file by the rules of lib/content/rules.ts. `file` is the display path; the
 * slug comes from its name. Given `known` authors and sections, the story's references are checked too.
 */
export function parseStory(file: string, source: string, known?: KnownIds): Parsed<StoryFile> {
  const { frontMatter, body, problems, slug } = runStoryRules(file, source, known);
  if (body === undefined) return { ok: false, problems };
  const story = frontMatter && { ...frontMatter, slug, file, body };
  if (story && !problems.some((p) => p.severity === 'error')) return { ok: true, value: story, problems };
  return { ok: false, problems, body, ...(story ? { asWritten: story } : {}) };
}

/** Parses one live update file (content/live/<story>/<id>.mdx) by the rules of lib/content/rules.ts. */
export function parseUpdate(file: string, source: string, known?: KnownIds): Parsed<LiveUpdateFile> {
  const { frontMatter, body, problems, story, id } = runUpdateRules(file, source, known);
  if (body === undefined) return { ok: false, problems };
  const update = frontMatter && { ...frontMatter, story, id, file, body };
  if (update && !problems.some((p) => p.severity === 'error')) return { ok: true, value: update, problems };
  return { ok: false, problems, body, ...(update ? { asWritten: update } : {}) };
}

/** The story a checked story file makes, given its body's plain text (from the body check). */
export function storyOf({ body: _, ...story }: StoryFile, text: string): Story {
  return { ...story, text, wordCount: countWords(text) };
}

/** Where a front matter field sits, for checks made after parsing (tag spellings). */
export function locateField(file: string, source: string, fieldPath: readonly PropertyKey[]) {
  return splitFrontMatter(file, source).locate(fieldPath);
}

export function parseAuthor(file: string, source: string): Parsed<Author> {
  const { author, problems } = runAuthorRules(file, source);
  return author ? { ok: true, value: author, problems } : { ok: false, problems };
}

/** The sections that pass their rules (a section with a taken id is left out), and every problem. */
export function parseSections(file: string, source: string): Parsed<Section[]> {
  const { sections, problems } = runSectionsRules(file, source);
  return sections ? { ok: true, value: sections, problems } : { ok: false, problems };
}
