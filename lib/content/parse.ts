import path from 'node:path';
import {
  articleFrontMatterSchema,
  authorSchema,
  sectionsFileSchema,
  type Article,
  type Author,
  type Section,
} from './schema';
import { issuesToProblems, parseYaml, splitFrontMatter } from './front-matter';
import { isValidSlug } from './slug';
import type { ContentProblem } from './problems';

export type Parsed<T> = { ok: true; value: T; problems: ContentProblem[] } | { ok: false; problems: ContentProblem[] };

/** Parses one article file. `file` is the display path; the slug comes from its name. */
export function parseArticle(file: string, source: string): Parsed<Article> {
  const slug = path.basename(file).replace(/\.mdx$/, '');
  const problems: ContentProblem[] = [];
  if (!isValidSlug(slug)) {
    problems.push({
      file,
      line: 1,
      column: 1,
      field: 'slug',
      message: `expected a file name of lowercase letters, digits and single hyphens, at most 100 characters (e.g. "city-council-vote.mdx"), got ${JSON.stringify(slug)}`,
      severity: 'error',
    });
  }
  const fm = splitFrontMatter(file, source);
  if (fm.problems.length) return { ok: false, problems: [...problems, ...fm.problems] };
  const result = articleFrontMatterSchema.safeParse(fm.data ?? {});
  if (!result.success) return { ok: false, problems: [...problems, ...issuesToProblems(file, fm, result.error.issues)] };
  if (problems.length) return { ok: false, problems };

  const data = result.data;
  // An update or a correction cannot come before the story was published.
  const afterPublication: { path: (string | number)[]; value: string }[] = [
    ...(data.updatedAt ? [{ path: ['updatedAt'], value: data.updatedAt }] : []),
    ...(data.corrections ?? []).map((c, i) => ({ path: ['corrections', i, 'date'], value: c.date })),
  ];
  const early = afterPublication.filter(({ value }) => Date.parse(value) < Date.parse(data.publishedAt));
  if (early.length) {
    return {
      ok: false,
      problems: early.map(({ path: fieldPath, value }) => ({
        file,
        ...fm.locate(fieldPath),
        field: fieldPath.join('.'),
        message: `expected a time after publishedAt (${data.publishedAt}), got ${JSON.stringify(value)}`,
        severity: 'error' as const,
      })),
    };
  }
  if (data.canonicalUrl && !data.source) {
    // A canonical link elsewhere only makes sense for copy that credits where it came from.
    return {
      ok: false,
      problems: [
        {
          file,
          ...fm.locate(['canonicalUrl']),
          field: 'canonicalUrl',
          message: `expected a source (name, url) for syndicated copy that sets canonicalUrl, got ${JSON.stringify(data.canonicalUrl)} without one`,
          severity: 'error',
        },
      ],
    };
  }
  return {
    ok: true,
    value: { ...data, slug, file, body: fm.body, wordCount: countWords(fm.body) },
    problems: [],
  };
}

/** Where a front matter field sits, for checks made after parsing (unknown author, section). */
export function locateField(file: string, source: string, fieldPath: readonly PropertyKey[]) {
  return splitFrontMatter(file, source).locate(fieldPath);
}

export function parseAuthor(file: string, source: string): Parsed<Author> {
  const id = path.basename(file).replace(/\.ya?ml$/, '');
  const yaml = parseYaml(file, source);
  if (yaml.problems.length) return { ok: false, problems: yaml.problems };
  if (!isValidSlug(id)) {
    return {
      ok: false,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          field: 'id',
          message: `expected a file name of lowercase letters, digits and single hyphens (e.g. "mark-jones.yaml"), got ${JSON.stringify(id)}`,
          severity: 'error',
        },
      ],
    };
  }
  const result = authorSchema.safeParse(yaml.data ?? {});
  if (!result.success) return { ok: false, problems: issuesToProblems(file, yaml, result.error.issues) };
  return { ok: true, value: { ...result.data, id, file }, problems: [] };
}

export function parseSections(file: string, source: string): Parsed<Section[]> {
  const yaml = parseYaml(file, source);
  if (yaml.problems.length) return { ok: false, problems: yaml.problems };
  const result = sectionsFileSchema.safeParse(yaml.data ?? {});
  if (!result.success) return { ok: false, problems: issuesToProblems(file, yaml, result.error.issues) };
  return { ok: true, value: result.data.sections, problems: [] };
}

/** Words a reader reads: JSX tags, Markdown punctuation and URLs left out. */
export function countWords(body: string): number {
  const prose = body
    .replace(/<[^>]*>/g, ' ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/https?:\/\/\S+/g, ' ');
  return prose.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}
