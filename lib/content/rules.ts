import path from 'node:path';
import type { Position } from './front-matter';
import { issuesToProblems, parseYaml, splitFrontMatter } from './front-matter';
import type { ContentProblem } from './problems';
import { RESERVED_SECTION_IDS } from './reserved-ids';
import {
  storyFrontMatterSchema,
  authorSchema,
  sectionsFileSchema,
  liveUpdateFrontMatterSchema,
  type StoryFrontMatter,
  type Author,
  type Section,
  type LiveUpdateFrontMatter,
} from './schema';
import { isValidSlug, slugify } from './slug';

/*
 * The one registry of content rules. The server (lib/content/index/reconcile.ts) and
 * `npm run content:check` both run the rules of a file through the functions below, so what the
 * check accepts is exactly what the site publishes. Every rule of a file runs in one go: a file
 * with five mistakes shows five problems in one run, not one stage at a time.
 *
 * Rules are listed in CONTENT_RULES with their id and severity. Most are made here; a few are
 * made where their knowledge lives, and the entry says where (`madeIn`):
 * - shapes: the zod schemas (schema.ts), including the one image-path rule (isImagePath), which
 *   `<Figure src>` shares (lib/mdx/allowed-components.ts);
 * - story bodies: the MDX safety plugin (lib/mdx/safe-mdx.ts), which the server, the check and
 *   the live editor all compile with;
 * - site rules, which need every file and public/ (links resolve, images exist): check.ts. They
 *   are the one exception to "the server publishes what the check accepts": they depend on files
 *   outside the story (public/, other stories) that the server does not watch, so it could not
 *   decide again when those change. CI runs the check, so a story breaking them is not merged.
 */

export type RuleSeverity = ContentProblem['severity'];

/** What a rule looks at: one story file, one live update, one author file, the sections file, or the whole site. */
export type RuleScope = 'story' | 'update' | 'author' | 'sections' | 'site';

export type ContentRule = {
  id: string;
  scope: RuleScope;
  severity: RuleSeverity;
  /** What the rule asks of editors, in their words. */
  summary: string;
  /** Where the rule is made when not in this file. */
  madeIn?: string;
};

/** A standfirst longer than this crowds the headline on phones; a warning, not an error. */
export const DEK_WARN_LENGTH = 200;

/** Every rule, server and check alike. Ids are stable: problems carry them (ContentProblem.rule). */
export const CONTENT_RULES = [
  {
    id: 'story.front-matter',
    scope: 'story',
    severity: 'error',
    summary: 'front matter between two "---" lines, in valid YAML',
    madeIn: 'lib/content/front-matter.ts',
  },
  { id: 'story.slug', scope: 'story', severity: 'error', summary: 'a file name of lowercase letters, digits and single hyphens' },
  {
    id: 'story.shape',
    scope: 'story',
    severity: 'error',
    summary: 'known front matter fields, each of its type (dates with offset, http(s) URLs, ...)',
    madeIn: 'lib/content/schema.ts',
  },
  {
    id: 'image.path',
    scope: 'story',
    severity: 'error',
    summary: 'an image path under public/ ("/images/x.jpg", never "//host/x"), in front matter and <Figure> alike',
    madeIn: 'lib/security/safe-path.ts (isImagePath)',
  },
  { id: 'story.after-publication', scope: 'story', severity: 'error', summary: 'updates and corrections dated after publishedAt' },
  { id: 'story.canonical-needs-source', scope: 'story', severity: 'error', summary: 'a source for syndicated copy that sets canonicalUrl' },
  { id: 'story.tag-letters', scope: 'story', severity: 'error', summary: 'tags with letters or digits (each becomes /tags/...)' },
  { id: 'story.dek-length', scope: 'story', severity: 'warning', summary: `a dek of at most ${DEK_WARN_LENGTH} characters` },
  {
    id: 'story.image-credit',
    scope: 'story',
    severity: 'error',
    summary: 'a credit for the picture (photographs and illustrations alike)',
  },
  {
    id: 'story.image-alt',
    scope: 'story',
    severity: 'warning',
    summary: "alt text that describes the picture, not the story's headline again",
  },
  { id: 'story.author-exists', scope: 'story', severity: 'error', summary: 'authors that have a file in content/authors/' },
  { id: 'story.section-exists', scope: 'story', severity: 'error', summary: 'a section listed in content/sections.yaml' },
  {
    id: 'story.live-coverage',
    scope: 'story',
    severity: 'error',
    summary: 'live coverage that ends (coverageEnd, after coverageStart) exactly when its status is ended',
  },
  {
    id: 'story.body',
    scope: 'story',
    severity: 'error',
    summary: 'MDX that compiles, within the allowed components and without code',
    madeIn: 'lib/mdx/safe-mdx.ts',
  },
  {
    id: 'update.id',
    scope: 'update',
    severity: 'error',
    summary: "a file name (the update's id and anchor) of lowercase letters, digits and single hyphens",
  },
  {
    id: 'update.front-matter',
    scope: 'update',
    severity: 'error',
    summary: 'front matter between two "---" lines, in valid YAML',
    madeIn: 'lib/content/front-matter.ts',
  },
  {
    id: 'update.shape',
    scope: 'update',
    severity: 'error',
    summary: 'time (with offset) and title, and optionally key, pinned, authors and corrections',
    madeIn: 'lib/content/schema.ts',
  },
  { id: 'update.after-time', scope: 'update', severity: 'error', summary: "corrections dated after the update's time" },
  { id: 'update.author-exists', scope: 'update', severity: 'error', summary: 'authors that have a file in content/authors/' },
  {
    id: 'update.body',
    scope: 'update',
    severity: 'error',
    summary: 'MDX that compiles, within the allowed components and without code',
    madeIn: 'lib/mdx/safe-mdx.ts',
  },
  { id: 'author.id', scope: 'author', severity: 'error', summary: 'a file name of lowercase letters, digits and single hyphens' },
  {
    id: 'author.shape',
    scope: 'author',
    severity: 'error',
    summary: 'name, role and bio, and an avatar image path',
    madeIn: 'lib/content/schema.ts',
  },
  {
    id: 'sections.shape',
    scope: 'sections',
    severity: 'error',
    summary: 'a list of sections, each with id, name and description',
    madeIn: 'lib/content/schema.ts',
  },
  { id: 'sections.unique-id', scope: 'sections', severity: 'error', summary: 'each section id once' },
  {
    id: 'sections.reserved-id',
    scope: 'sections',
    severity: 'error',
    summary: 'no section id that the site uses itself (the top-level routes of app/)',
    madeIn: 'lib/content/reserved-ids.ts',
  },
  { id: 'site.sections-file', scope: 'site', severity: 'error', summary: 'a content/sections.yaml', madeIn: 'lib/content/check.ts' },
  { id: 'site.mdx-extension', scope: 'site', severity: 'warning', summary: 'story files ending in .mdx', madeIn: 'lib/content/check.ts' },
  {
    id: 'site.author-one-file',
    scope: 'site',
    severity: 'error',
    summary: 'one file per author (not x.yaml and x.yml)',
    madeIn: 'lib/content/check.ts',
  },
  {
    id: 'site.image-exists',
    scope: 'site',
    severity: 'error',
    summary: 'hero images, <Figure> images and avatars that exist under public/',
    madeIn: 'lib/content/check.ts',
  },
  {
    id: 'site.image-size',
    scope: 'site',
    severity: 'warning',
    summary: 'pictures wide enough for their largest slot on a 2x screen, declared in the shape of the file',
    madeIn: 'lib/content/check.ts',
  },
  {
    id: 'site.image-location',
    scope: 'site',
    severity: 'warning',
    summary: 'no picture under public/ that carries location data (GPS in EXIF or XMP)',
    madeIn: 'lib/content/check.ts',
  },
  {
    id: 'site.link-resolves',
    scope: 'site',
    severity: 'error',
    summary: 'links on this site that name a story, author, section, tag or file',
    madeIn: 'lib/content/links.ts',
  },
  {
    id: 'site.link-published',
    scope: 'site',
    severity: 'warning',
    summary: 'links to stories readers can open when this one is published',
    madeIn: 'lib/content/links.ts',
  },
  { id: 'site.tag-spelling', scope: 'site', severity: 'warning', summary: 'one spelling per tag', madeIn: 'lib/content/check.ts' },
  {
    id: 'site.update-story',
    scope: 'site',
    severity: 'error',
    summary: 'updates in content/live/<slug>/ only for a story content/articles/<slug>.mdx with live coverage',
    madeIn: 'lib/content/check.ts',
  },
] as const satisfies readonly ContentRule[];

export type RuleId = (typeof CONTENT_RULES)[number]['id'];

const RULES_BY_ID = new Map<string, ContentRule>(CONTENT_RULES.map((r) => [r.id, r]));

/** The rule's registered severity: the one place a rule is rated error or warning. */
export function severityOf(id: RuleId): RuleSeverity {
  return RULES_BY_ID.get(id)!.severity;
}

/** A problem of rule `id` at a place in `file`, rated as the registry rates the rule. */
export function problemOf(id: RuleId, file: string, at: Position, message: string, field?: string): ContentProblem {
  return { file, ...at, ...(field === undefined ? {} : { field }), message, severity: severityOf(id), rule: id };
}

/** Ids a story may refer to; absent when only the file itself is checked (tests, tools). */
export type KnownIds = { authors: ReadonlySet<string>; sections: ReadonlySet<string> };

/** What the story rules see: the front matter fields that passed their own shape, and where each is. */
type StoryFacts = { fields: Partial<StoryFrontMatter>; known?: KnownIds };

type Finding = { field: string; message: string };
type StoryRule = { id: RuleId; check: (story: StoryFacts) => Finding[] };

const fieldPath = (field: string) => field.split('.');

/** The rules on a story's front matter beyond its shape, each on the fields that passed it. */
const STORY_RULES: readonly StoryRule[] = [
  {
    id: 'story.after-publication',
    check: ({ fields }) => {
      const published = fields.publishedAt;
      if (!published) return [];
      const later = [
        ...(fields.updatedAt ? [{ field: 'updatedAt', value: fields.updatedAt }] : []),
        ...(fields.corrections ?? []).map((c, i) => ({ field: `corrections.${i}.date`, value: c.date })),
      ];
      return later
        .filter(({ value }) => Date.parse(value) < Date.parse(published))
        .map(({ field, value }) => ({ field, message: `expected a time after publishedAt (${published}), got ${JSON.stringify(value)}` }));
    },
  },
  {
    id: 'story.live-coverage',
    check: ({ fields }) => {
      const live = fields.live;
      if (!live) return [];
      if (live.status === 'live' && live.coverageEnd)
        return [
          {
            field: 'live.coverageEnd',
            message: `expected no coverageEnd while the status is live (set status: ended to end coverage), got ${JSON.stringify(live.coverageEnd)}`,
          },
        ];
      if (live.status === 'ended' && !live.coverageEnd)
        return [
          { field: 'live.coverageEnd', message: 'expected coverageEnd, the time coverage ended, since the status is ended; got none' },
        ];
      if (live.coverageEnd && Date.parse(live.coverageEnd) < Date.parse(live.coverageStart))
        return [
          {
            field: 'live.coverageEnd',
            message: `expected a time after coverageStart (${live.coverageStart}), got ${JSON.stringify(live.coverageEnd)}`,
          },
        ];
      return [];
    },
  },
  {
    // A canonical link elsewhere only makes sense for copy that credits where it came from.
    id: 'story.canonical-needs-source',
    check: ({ fields }) =>
      fields.canonicalUrl && !fields.source
        ? [
            {
              field: 'canonicalUrl',
              message: `expected a source (name, url) for syndicated copy that sets canonicalUrl, got ${JSON.stringify(fields.canonicalUrl)} without one`,
            },
          ]
        : [],
  },
  {
    id: 'story.tag-letters',
    check: ({ fields }) =>
      (fields.tags ?? []).flatMap((tag, i) =>
        slugify(tag)
          ? []
          : [
              {
                field: `tags.${i}`,
                message: `expected a tag with letters or digits (it becomes the address /tags/...), got ${JSON.stringify(tag)}`,
              },
            ],
      ),
  },
  {
    id: 'story.dek-length',
    check: ({ fields }) =>
      fields.dek && fields.dek.length > DEK_WARN_LENGTH
        ? [
            {
              field: 'dek',
              message: `expected at most ${DEK_WARN_LENGTH} characters so it reads well under the headline, got ${fields.dek.length}`,
            },
          ]
        : [],
  },
  {
    id: 'story.image-credit',
    check: ({ fields }) =>
      fields.image && !fields.image.credit?.trim()
        ? [
            {
              field: 'image',
              message: 'expected a credit for the picture (credit: "Photo: Name/Agency", or "Illustration for News Rebeat"), got none',
            },
          ]
        : [],
  },
  {
    // A screen reader would read the headline twice; alt text says what the picture shows.
    id: 'story.image-alt',
    check: ({ fields }) =>
      fields.image && fields.title && repeatsHeadline(fields.image.alt, fields.title)
        ? [
            {
              field: 'image.alt',
              message: `expected alt text that describes the picture, got the headline again: ${JSON.stringify(fields.image.alt)}`,
            },
          ]
        : [],
  },
  {
    id: 'story.author-exists',
    check: ({ fields, known }) =>
      known && fields.authors
        ? fields.authors.flatMap((id, i) =>
            known.authors.has(id)
              ? []
              : [
                  {
                    field: `authors.${i}`,
                    message: `expected the id of a file in content/authors/ (${someOf(known.authors)}), got ${JSON.stringify(id)}`,
                  },
                ],
          )
        : [],
  },
  {
    id: 'story.section-exists',
    check: ({ fields, known }) =>
      known && fields.section && !known.sections.has(fields.section)
        ? [
            {
              field: 'section',
              message: `expected a section id from content/sections.yaml (${[...known.sections].join(', ')}), got ${JSON.stringify(fields.section)}`,
            },
          ]
        : [],
  },
];

/** Whether alt text is the headline, give or take case, punctuation and a trailing word or two. */
export function repeatsHeadline(alt: string, title: string): boolean {
  const words = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim();
  const a = words(alt);
  const t = words(title);
  if (!a || !t) return false;
  if (a === t || a.startsWith(`${t} `)) return true;
  // The headline cut short by a word or two is still the headline.
  return t.startsWith(`${a} `) && a.length >= t.length * 0.8;
}

function someOf(ids: ReadonlySet<string>): string {
  return `${[...ids].slice(0, 5).join(', ')}${ids.size > 5 ? ', ...' : ''}`;
}

/** The outcome of a story file's rules: the front matter when its shape is right, and every problem. */
export type StoryRulesOutcome = {
  slug: string;
  /** The front matter, when its shape is right (other rules may still refuse the story). */
  frontMatter?: StoryFrontMatter;
  /** The body with front matter lines blanked (lines match the file); absent without front matter. */
  body?: string;
  problems: ContentProblem[];
};

/**
 * Runs every rule on a story file but its body's (which compiles elsewhere, on worker threads):
 * file name, front matter, shapes, cross-field rules and, given `known`, references. A field
 * whose shape is wrong is left out of the later rules, which still run on the others.
 */
export function runStoryRules(file: string, source: string, known?: KnownIds): StoryRulesOutcome {
  const slug = path.basename(file).replace(/\.mdx$/, '');
  const problems: ContentProblem[] = [];
  if (!isValidSlug(slug)) {
    const message = `expected a file name of lowercase letters, digits and single hyphens, at most 100 characters (e.g. "city-council-vote.mdx"), got ${JSON.stringify(slug)}`;
    problems.push(problemOf('story.slug', file, { line: 1, column: 1 }, message, 'slug'));
  }
  const fm = splitFrontMatter(file, source);
  // Broken YAML leaves no fields to check, but the body is still known: its problems come in the same run.
  if (fm.problems.length) return { slug, body: fm.body, problems: [...problems, ...tagged('story.front-matter', fm.problems)] };
  const result = storyFrontMatterSchema.safeParse(fm.data ?? {});
  if (!result.success) {
    for (const p of issuesToProblems(file, fm, result.error.issues))
      problems.push({ ...p, rule: p.field === 'image.src' ? 'image.path' : 'story.shape' });
  }
  const fields = result.success ? result.data : validFields(fm.data);
  const facts: StoryFacts = { fields, ...(known ? { known } : {}) };
  for (const rule of STORY_RULES) {
    for (const { field, message } of rule.check(facts))
      problems.push(problemOf(rule.id, file, fm.locate(fieldPath(field)), message, field));
  }
  return { slug, body: fm.body, problems, ...(result.success ? { frontMatter: result.data } : {}) };
}

/** The front matter fields that pass their own shape, for the rules that follow a failed parse. */
function validFields(data: unknown): Partial<StoryFrontMatter> {
  const raw = data !== null && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  const fields: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(storyFrontMatterSchema.shape)) {
    const parsed = schema.safeParse(raw[key]);
    if (parsed.success && parsed.data !== undefined) fields[key] = parsed.data;
  }
  return fields;
}

/** Problems a module outside the registry made (YAML, zod), marked with their rule. */
function tagged(id: RuleId, problems: readonly ContentProblem[]): ContentProblem[] {
  return problems.map((p) => ({ ...p, rule: id }));
}

/** Problems of a story's or an update's body, from the MDX safety plugin, at lines of the file. */
export function bodyProblems(
  file: string,
  issues: readonly { line: number; column: number; message: string }[],
  rule: 'story.body' | 'update.body' = 'story.body',
): ContentProblem[] {
  return issues.map((issue) => problemOf(rule, file, issue, issue.message, 'body'));
}

/** The outcome of an update file's rules, like a story's: the front matter when its shape is right, and every problem. */
export type UpdateRulesOutcome = {
  /** The story it belongs to (its folder's name) and its id (its file's name). */
  story: string;
  id: string;
  frontMatter?: LiveUpdateFrontMatter;
  body?: string;
  problems: ContentProblem[];
};

/** Runs every rule on a live update file (content/live/<story>/<id>.mdx) but its body's. */
export function runUpdateRules(file: string, source: string, known?: KnownIds): UpdateRulesOutcome {
  const id = path.basename(file).replace(/\.mdx$/, '');
  const story = path.basename(path.dirname(file));
  const problems: ContentProblem[] = [];
  if (!isValidSlug(id)) {
    const message = `expected a file name of lowercase letters, digits and single hyphens, which becomes the update's anchor (e.g. "ferries-suspended.mdx"), got ${JSON.stringify(id)}`;
    problems.push(problemOf('update.id', file, { line: 1, column: 1 }, message, 'id'));
  }
  const fm = splitFrontMatter(file, source);
  if (fm.problems.length) return { story, id, body: fm.body, problems: [...problems, ...tagged('update.front-matter', fm.problems)] };
  const result = liveUpdateFrontMatterSchema.safeParse(fm.data ?? {});
  if (!result.success) problems.push(...tagged('update.shape', issuesToProblems(file, fm, result.error.issues)));
  const raw = fm.data !== null && typeof fm.data === 'object' ? (fm.data as Record<string, unknown>) : {};
  const valid = <K extends keyof LiveUpdateFrontMatter>(key: K): LiveUpdateFrontMatter[K] | undefined => {
    const parsed = liveUpdateFrontMatterSchema.shape[key].safeParse(raw[key]);
    return parsed.success ? (parsed.data as LiveUpdateFrontMatter[K]) : undefined;
  };
  const time = valid('time');
  (valid('corrections') ?? []).forEach((c, i) => {
    if (time && Date.parse(c.date) < Date.parse(time)) {
      const field = `corrections.${i}.date`;
      problems.push(
        problemOf(
          'update.after-time',
          file,
          fm.locate(fieldPath(field)),
          `expected a time after the update's time (${time}), got ${JSON.stringify(c.date)}`,
          field,
        ),
      );
    }
  });
  if (known)
    (valid('authors') ?? []).forEach((author, i) => {
      if (known.authors.has(author)) return;
      const field = `authors.${i}`;
      const message = `expected the id of a file in content/authors/ (${someOf(known.authors)}), got ${JSON.stringify(author)}`;
      problems.push(problemOf('update.author-exists', file, fm.locate(fieldPath(field)), message, field));
    });
  return { story, id, body: fm.body, problems, ...(result.success ? { frontMatter: result.data } : {}) };
}

/** Runs an author file's rules: its id (the file name) and its shape. */
export function runAuthorRules(file: string, source: string): { author?: Author; problems: ContentProblem[] } {
  const id = path.basename(file).replace(/\.ya?ml$/, '');
  const problems: ContentProblem[] = [];
  if (!isValidSlug(id)) {
    const message = `expected a file name of lowercase letters, digits and single hyphens (e.g. "mark-jones.yaml"), got ${JSON.stringify(id)}`;
    problems.push(problemOf('author.id', file, { line: 1, column: 1 }, message, 'id'));
  }
  // Every problem in one run: a bad file name does not hide the fields' problems, nor they it.
  const yaml = parseYaml(file, source);
  if (yaml.problems.length) return { problems: [...problems, ...tagged('author.shape', yaml.problems)] };
  const result = authorSchema.safeParse(yaml.data ?? {});
  if (!result.success) problems.push(...tagged('author.shape', issuesToProblems(file, yaml, result.error.issues)));
  return problems.length || !result.success ? { problems } : { author: { ...result.data, id, file }, problems };
}

/**
 * Runs the sections file's rules. Section ids are addresses (/world): a section whose id is taken,
 * by the site or by a section before it, is left out with an error; the others are published.
 */
export function runSectionsRules(file: string, source: string): { sections?: Section[]; problems: ContentProblem[] } {
  const yaml = parseYaml(file, source);
  if (yaml.problems.length) return { problems: tagged('sections.shape', yaml.problems) };
  const result = sectionsFileSchema.safeParse(yaml.data ?? {});
  if (!result.success) return { problems: tagged('sections.shape', issuesToProblems(file, yaml, result.error.issues)) };
  const problems: ContentProblem[] = [];
  const seen = new Set<string>();
  const sections = result.data.sections.filter((section, i) => {
    const field = `sections.${i}.id`;
    const at = yaml.locate(['sections', i, 'id']);
    const before = problems.length;
    if (seen.has(section.id)) {
      problems.push(
        problemOf('sections.unique-id', file, at, `expected each section id once, got ${JSON.stringify(section.id)} again`, field),
      );
    }
    if (RESERVED_SECTION_IDS.has(section.id)) {
      // Only the ids an editor could write (lowercase words): "robots.txt" fails the id's shape already.
      const message = `expected a section id the site does not use itself (not ${[...RESERVED_SECTION_IDS].filter(isValidSlug).join(', ')}), got ${JSON.stringify(section.id)}`;
      problems.push(problemOf('sections.reserved-id', file, at, message, field));
    }
    seen.add(section.id);
    return problems.length === before;
  });
  return { sections, problems };
}
