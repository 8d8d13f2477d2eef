import { z } from 'zod';
import { IMAGE_PATH_RULE, isImagePath } from '@/lib/security/safe-path';
import { isValidSlug } from './slug';

/** ISO 8601 date-time that carries its offset: 2023-02-18T09:00:00+00:00 or ...Z. */
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export const isoDateTime = z
  .string({ error: 'expected an ISO 8601 date with offset' })
  .refine((v) => ISO_WITH_OFFSET.test(v) && !Number.isNaN(Date.parse(v)), {
    message: 'expected an ISO 8601 date with offset (e.g. 2023-02-18T09:00:00+00:00)',
  });

const text = (what: string) =>
  z
    .string({ error: `expected ${what}` })
    .trim()
    .min(1, `expected ${what}`);

const idList = z.array(text('an author id'), { error: 'expected a list of author ids' }).min(1, 'expected at least one author id');

const fraction = (what: string) =>
  z
    .number({ error: `expected ${what}, a number between 0 and 1` })
    .min(0, `expected ${what}, between 0 and 1`)
    .max(1, `expected ${what}, between 0 and 1`);

export const imageSchema = z.strictObject(
  {
    // The same rule as <Figure src> (lib/mdx/allowed-components.ts): `//host` and `/\host` are other sites.
    src: text(IMAGE_PATH_RULE).refine(isImagePath, { message: `expected ${IMAGE_PATH_RULE}` }),
    alt: text('alt text describing the image'),
    caption: z.string({ error: 'expected a caption' }).optional(),
    credit: z.string({ error: 'expected a credit (e.g. "Photo: Agency")' }).optional(),
    width: z.number({ error: 'expected the width in pixels' }).int().positive(),
    height: z.number({ error: 'expected the height in pixels' }).int().positive(),
    // Where the subject is, as fractions across and down (0 to 1): every crop keeps it in frame (lib/media/crop-box.ts).
    focus: z
      .strictObject(
        { x: fraction('x, the fraction across from the left'), y: fraction('y, the fraction down from the top') },
        { error: 'expected a focal point { x, y }, each between 0 and 1' },
      )
      .optional(),
    // Licence details search engines show with the picture (Google's image licence metadata).
    copyrightNotice: z.string({ error: 'expected a copyright notice (e.g. "© 2026 Agency")' }).optional(),
    license: z.url({ protocol: /^https?$/, error: 'expected the absolute http(s) URL of the licence' }).optional(),
    acquireLicensePage: z.url({ protocol: /^https?$/, error: 'expected the absolute http(s) URL of a page to license it' }).optional(),
  },
  { error: 'expected an image with src, alt, width and height' },
);

export const sourceSchema = z.strictObject(
  {
    name: text('the name of the source (e.g. Donga)'),
    // Rendered as a link on the page and in feeds: web addresses only (no data:, vbscript:, file:).
    url: z.url({ protocol: /^https?$/, error: 'expected the absolute http(s) URL of the source' }).optional(),
  },
  { error: 'expected a source with a name' },
);

/** A public correction: when it was made and what it says, shown at the end of the story. */
export const correctionSchema = z.strictObject(
  {
    date: isoDateTime,
    text: text('the text of the correction'),
  },
  { error: 'expected a correction with date and text' },
);

/**
 * Live coverage (ADR 0011): the story is told as timestamped updates, one file each under
 * content/live/<slug>/. `coverageEnd` belongs to ended coverage only (rules.ts, story.live-coverage).
 */
export const liveSchema = z.strictObject(
  {
    status: z.enum(['live', 'ended'], { error: 'expected live or ended' }),
    coverageStart: isoDateTime,
    coverageEnd: isoDateTime.optional(),
  },
  { error: 'expected live coverage with status (live or ended) and coverageStart' },
);

export const storyFrontMatterSchema = z.strictObject(
  {
    title: text('a headline'),
    dek: text('a standfirst (dek)'),
    section: text('a section id from content/sections.yaml'),
    tags: z.array(text('a tag'), { error: 'expected a list of tags' }).default([]),
    authors: idList,
    publishedAt: isoDateTime,
    updatedAt: isoDateTime.optional(),
    dateline: z.string({ error: 'expected a place name (e.g. LONDON)' }).optional(),
    source: sourceSchema.optional(),
    /** Syndicated copy: the original's address, used as this page's canonical link and in JSON-LD. */
    canonicalUrl: z.url({ protocol: /^https?$/, error: 'expected the absolute http(s) URL of the original story' }).optional(),
    image: imageSchema.optional(),
    draft: z.boolean({ error: 'expected true or false' }).default(false),
    sample: z.boolean({ error: 'expected true or false' }).default(false),
    // Optional rather than defaulted, so code that builds stories by hand need not name it.
    corrections: z.array(correctionSchema, { error: 'expected a list of corrections, each with date and text' }).optional(),
    live: liveSchema.optional(),
  },
  { error: 'expected front matter fields (title, dek, section, authors, publishedAt, ...)' },
);

/**
 * One update of a live story: content/live/<story slug>/<id>.mdx. The id is the file name, so two
 * updates cannot share one, and it does not change when the time is corrected (it is the anchor).
 */
export const liveUpdateFrontMatterSchema = z.strictObject(
  {
    /** When it happened, or when it is to appear: an update timed in the future stays hidden until then. */
    time: isoDateTime,
    title: text('a title for the update'),
    /** Listed in the summary of key events at the top of the page. */
    key: z.boolean({ error: 'expected true or false' }).default(false),
    /** Shown before the others, newest pinned first. */
    pinned: z.boolean({ error: 'expected true or false' }).default(false),
    /** Who wrote it; the story's authors when absent. */
    authors: idList.optional(),
    corrections: z.array(correctionSchema, { error: 'expected a list of corrections, each with date and text' }).optional(),
  },
  { error: 'expected update fields (time, title, and optionally key, pinned, authors, corrections)' },
);

export const authorSchema = z.strictObject(
  {
    name: text("the author's name"),
    role: text("the author's role (e.g. World correspondent)"),
    bio: text('a short biography'),
    avatar: imageSchema.optional(),
    sample: z.boolean({ error: 'expected true or false' }).default(false),
  },
  { error: 'expected an author with name, role and bio' },
);

export const sectionSchema = z.strictObject({
  id: text('a section id').refine(isValidSlug, { message: 'expected lowercase words joined by hyphens' }),
  name: text('a section name'),
  description: text('a one-line description of the section'),
});

export const sectionsFileSchema = z.strictObject({
  sections: z.array(sectionSchema).min(1, 'expected at least one section'),
});

export type StoryFrontMatter = z.infer<typeof storyFrontMatterSchema>;
export type AuthorFields = z.infer<typeof authorSchema>;
export type Section = z.infer<typeof sectionSchema>;
export type Image = z.infer<typeof imageSchema>;
export type Correction = z.infer<typeof correctionSchema>;
export type Live = z.infer<typeof liveSchema>;
export type LiveUpdateFrontMatter = z.infer<typeof liveUpdateFrontMatterSchema>;

/** An update file as read: its story (the folder's name), its id (the file's name) and its MDX body. */
export type LiveUpdateFile = LiveUpdateFrontMatter & { story: string; id: string; file: string; body: string };

/** An update as the site knows it once its body is checked; the compiled MDX is kept apart. */
export type LiveUpdate = Omit<LiveUpdateFile, 'body'> & { text: string };

/** A story file as read: validated front matter, where it came from, and its MDX body. */
export type StoryFile = StoryFrontMatter & {
  slug: string;
  /** Path relative to the working directory, for messages (content/articles/x.mdx). */
  file: string;
  /** The MDX body with front matter lines blanked, so compiler line numbers match the file. */
  body: string;
};

/** A story as the site knows it, once its body is checked: the MDX itself is compiled and kept apart. */
export type Story = Omit<StoryFile, 'body'> & {
  /** The body as plain text (lib/mdx/plain-text.ts): for search, passages and related stories. */
  text: string;
  /** Words of `text`, for reading time and JSON-LD. */
  wordCount: number;
};

export type Author = AuthorFields & { id: string; file: string };
