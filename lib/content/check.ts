import path from 'node:path';
import { checkBody, type BodyCheck } from '@/lib/mdx/compile';
import { publicImageFile } from '@/lib/media/image-file';
import { inspectImage, listPictureFiles, type ImageFacts } from '@/lib/media/inspect-image';
import { FIGURE_SLOT_CSS_PX, LEAD_SLOT_CSS_PX, pixelsNeeded, SHARP_DPR } from '@/lib/media/slots';
import { isImagePath } from '@/lib/security/safe-path';
import type { BodyReferences } from '@/lib/mdx/safe-mdx';
import { displayPath } from './content-dir';
import { parseYaml } from './front-matter';
import type { IndexDb } from './index/database';
import { knownIds, listContentFolder, readContentFile, withFreshIndex } from './index/reconcile';
import { checkLink, publicFileExists, type LinkTargets } from './links';
import { locateField, parseStory, parseUpdate } from './parse';
import type { ContentProblem } from './problems';
import { bodyProblems, problemOf } from './rules';
import type { Story, Author, StoryFile, LiveUpdateFile } from './schema';
import type { OnStepProgress } from '@/lib/progress';
import { slugify } from './slug';

export type CheckReport = { problems: ContentProblem[]; files: number };

export type CheckOptions = {
  /** Called as stories are read: a check of a large archive takes minutes. */
  onProgress?: OnStepProgress;
  /** Checks many bodies at once (the CLI uses both cores); one after another when absent. */
  checkBodies?: (bodies: readonly string[]) => Promise<BodyCheck[]>;
};

/**
 * Checks a whole content directory, as `npm run content:check` does: it builds a fresh content
 * index with the code the server uses, which runs every file rule of lib/content/rules.ts, then
 * adds the site rules, which need the whole archive and public/: links that resolve, images
 * that exist, one file per author, one spelling per tag. Problems come sorted by file and line.
 */
export async function checkContent(dir: string, publicDir: string, options: CheckOptions = {}): Promise<CheckReport> {
  return withFreshIndex(dir, (db) => reportOn(db, dir, publicDir, options.onProgress), {
    checkBodies: options.checkBodies,
    onProgress: (done, total) => options.onProgress?.(done, total, 'stories'),
  });
}

type FileRow = { path: string; kind: string; problems: string; parsed: string | null; refs: string | null };

async function reportOn(db: IndexDb, dir: string, publicDir: string, onProgress?: OnStepProgress): Promise<CheckReport> {
  const rows = db.prepare('SELECT path, kind, problems, parsed, refs FROM files ORDER BY path').all() as FileRow[];
  const problems: ContentProblem[] = rows.flatMap((r) => JSON.parse(r.problems) as ContentProblem[]);
  if (!rows.some((r) => r.kind === 'sections')) {
    const file = displayPath(path.join(dir, 'sections.yaml'));
    problems.push(
      problemOf('site.sections-file', file, { line: 1, column: 1 }, 'expected a sections file listing the site sections in order'),
    );
  }
  const authors = new Map(
    (db.prepare('SELECT id, author FROM authors').all() as { id: string; author: string }[]).map((r) => [
      r.id,
      JSON.parse(r.author) as Author,
    ]),
  );
  const targets = indexLinkTargets(db, publicDir);
  const pictures = pictureLookup(publicDir);
  problems.push(...(await checkAuthorFiles(dir, authors, publicDir)));
  problems.push(...(await picturesWithLocation(publicDir, pictures)));

  const storyFiles = await listDir(path.join(dir, 'articles'));
  for (const name of storyFiles.filter((n) => !n.endsWith('.mdx'))) {
    const file = displayPath(path.join(dir, 'articles', name));
    problems.push(problemOf('site.mdx-extension', file, { line: 1, column: 1 }, 'not read: story files must end in .mdx'));
  }

  const tagSpellings = new Map<string, Map<string, { file: string; source: string; index: number }>>();
  // Every story whose front matter is valid, even one left out for its body or references, is
  // checked for the rest, so one run shows everything.
  const stories = rows.filter((r) => r.kind === 'story' && r.parsed);
  for (const [i, row] of stories.entries()) {
    if (i % 500 === 0) onProgress?.(i, stories.length, 'links and tags');
    if (!row.parsed) continue;
    const story = JSON.parse(row.parsed) as Omit<StoryFile, 'body'>;
    const source = (await readContentFile(path.join(dir, row.path))) ?? '';
    const refs = row.refs ? (JSON.parse(row.refs) as BodyReferences) : undefined;
    problems.push(...(await siteRules(story, source, refs, targets, pictures)));
    story.tags.forEach((tag, i) => {
      const slug = slugify(tag);
      if (!slug) return;
      const spellings = tagSpellings.get(slug) ?? new Map<string, { file: string; source: string; index: number }>();
      if (!spellings.has(tag)) spellings.set(tag, { file: story.file, source, index: i });
      tagSpellings.set(slug, spellings);
    });
  }
  onProgress?.(stories.length, stories.length, 'links and tags');
  // Two spellings of one tag share a page; the page shows one of them, so pick one.
  for (const [slug, spellings] of tagSpellings) {
    if (spellings.size < 2) continue;
    const [first, ...others] = [...spellings.keys()];
    for (const other of others) {
      const where = spellings.get(other)!;
      const message = `expected one spelling per tag: ${JSON.stringify(other)} and ${JSON.stringify(first)} both become /tags/${slug}`;
      const at = locateField(where.file, where.source, ['tags', where.index]);
      problems.push(problemOf('site.tag-spelling', where.file, at, message, `tags.${where.index}`));
    }
  }

  // Updates' links and images, by the same site rules; a link to a later story is judged by the update's time.
  for (const row of rows) {
    if (row.kind !== 'update' || !row.parsed) continue;
    const update = JSON.parse(row.parsed) as Omit<LiveUpdateFile, 'body'>;
    const refs = row.refs ? (JSON.parse(row.refs) as BodyReferences) : undefined;
    // No file read: the source only locates a front matter picture, which updates do not have.
    problems.push(...(await siteRules({ file: update.file, publishedAt: update.time }, '', refs, targets, pictures)));
  }
  problems.push(...updatesWithoutLiveStory(dir, rows));

  const files = storyFiles.length + rows.filter((r) => r.kind === 'update').length + authors.size + 1;
  return { problems: sortProblems(dedupe(problems)), files };
}

/**
 * Live updates (ADR 0011) whose folder names no story with live coverage: readers would never see
 * them. One problem per folder, at its first update, so a misspelt folder reads as one mistake.
 */
function updatesWithoutLiveStory(dir: string, rows: readonly FileRow[]): ContentProblem[] {
  const liveStories = new Set(
    rows
      .filter((r) => r.kind === 'story' && r.parsed && (JSON.parse(r.parsed) as Omit<StoryFile, 'body'>).live)
      .map((r) => path.basename(r.path, '.mdx')),
  );
  const firstOf = new Map<string, string>();
  for (const r of rows) {
    if (r.kind !== 'update') continue;
    const story = r.path.split('/')[1]!;
    if (!liveStories.has(story) && !firstOf.has(story)) firstOf.set(story, r.path);
  }
  return [...firstOf].map(([story, rel]) =>
    updateStoryProblem(
      displayPath(path.join(dir, rel)),
      story,
      rows.some((r) => r.path === `articles/${story}.mdx`),
    ),
  );
}

/** Rule site.update-story: the story named by an update's folder is missing, or has no `live:`. */
function updateStoryProblem(file: string, story: string, storyExists: boolean): ContentProblem {
  const message = storyExists
    ? `expected live: front matter (status, coverageStart) in content/articles/${story}.mdx, whose updates these are; it has none`
    : `expected a story content/articles/${story}.mdx with live coverage for the updates in content/live/${story}/; there is none`;
  return problemOf('site.update-story', file, { line: 1, column: 1 }, message, 'story');
}

/**
 * Checks one story file's text against the live site, as the editor's live preview does: the
 * same steps as the content check for a story, with authors, sections and link targets taken
 * from the server's content index.
 */
export async function checkStorySource(file: string, source: string, db: IndexDb, publicDir: string): Promise<ContentProblem[]> {
  const parsed = parseStory(file, source, knownIds(db));
  const problems = [...parsed.problems];
  const body = parsed.ok ? parsed.value.body : parsed.body;
  if (body === undefined) return sortProblems(problems);
  // Checking caches nothing (lib/mdx/compile.ts): what an editor types leaves no trace.
  const { issues, references } = await checkBody(body);
  problems.push(...bodyProblems(file, issues));
  const story = parsed.ok ? parsed.value : parsed.asWritten;
  if (!story) return sortProblems(problems);
  const targets = indexLinkTargets(db, publicDir);
  // The story being edited may link to itself, or be new.
  const stories = {
    has: (slug: string) => slug === story.slug || targets.stories.has(slug),
    get: (slug: string) => (slug === story.slug ? story : targets.stories.get(slug)),
  };
  problems.push(...(await siteRules(story, source, references, { ...targets, stories }, pictureLookup(publicDir))));
  return sortProblems(problems);
}

/**
 * Checks one live update file's text against the live site, as the editor's live preview does:
 * the update's rules, its body, its links and images, and that its folder names a live story.
 */
export async function checkUpdateSource(file: string, source: string, db: IndexDb, publicDir: string): Promise<ContentProblem[]> {
  const parsed = parseUpdate(file, source, knownIds(db));
  const problems = [...parsed.problems];
  const story = path.basename(path.dirname(file));
  const storyRow = db.prepare('SELECT parsed FROM files WHERE path = ?').get(`articles/${story}.mdx`) as
    { parsed: string | null } | undefined;
  // A story whose front matter does not parse is reported in its own file, not here.
  if (!storyRow || (storyRow.parsed && !(JSON.parse(storyRow.parsed) as Omit<StoryFile, 'body'>).live))
    problems.push(updateStoryProblem(file, story, Boolean(storyRow)));
  const body = parsed.ok ? parsed.value.body : parsed.body;
  if (body === undefined) return sortProblems(problems);
  const { issues, references } = await checkBody(body);
  problems.push(...bodyProblems(file, issues, 'update.body'));
  const update = parsed.ok ? parsed.value : parsed.asWritten;
  if (update) {
    const targets = indexLinkTargets(db, publicDir);
    problems.push(...(await siteRules({ file, publishedAt: update.time }, source, references, targets, pictureLookup(publicDir))));
  }
  return sortProblems(problems);
}

/** A picture file's facts by its site path, each file read once per check. */
type PictureLookup = (src: string) => Promise<ImageFacts | undefined>;

function pictureLookup(publicDir: string): PictureLookup {
  const seen = new Map<string, Promise<ImageFacts | undefined>>();
  return (src) => {
    let facts = seen.get(src);
    if (!facts) {
      const file = publicImageFile(publicDir, src);
      facts = file ? inspectImage(file) : Promise.resolve(undefined);
      seen.set(src, facts);
    }
    return facts;
  };
}

/** The site rules on a story: images that exist and have the pixels their slot needs, links that resolve. */
async function siteRules(
  story: Pick<StoryFile, 'file' | 'image' | 'publishedAt'>,
  source: string,
  references: BodyReferences | undefined,
  targets: LinkTargets,
  pictures: PictureLookup,
): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  if (story.image && !publicFileExists(targets.publicDir, story.image.src)) {
    const at = locateField(story.file, source, ['image', 'src']);
    problems.push(problemOf('site.image-exists', story.file, at, missingImage(story.image.src), 'image.src'));
  } else if (story.image) {
    const { src, width, height } = story.image;
    const facts = await pictures(src);
    const small = facts && tooSmall(facts, LEAD_SLOT_CSS_PX);
    if (small)
      problems.push(problemOf('site.image-size', story.file, locateField(story.file, source, ['image', 'src']), small, 'image.src'));
    // The declared size shapes the page before the picture arrives: a different shape is a jump, or a squashed picture.
    if (facts && Math.abs(width / height - facts.width / facts.height) > 0.02 * (facts.width / facts.height)) {
      const message = `expected width and height in the shape of the file (${facts.width}x${facts.height}), got ${width}x${height}`;
      problems.push(problemOf('site.image-size', story.file, locateField(story.file, source, ['image', 'width']), message, 'image.width'));
    }
  }
  for (const link of references?.links ?? []) {
    const problem = checkLink(link.url, story, targets);
    if (problem)
      problems.push(
        problemOf(problem.severity === 'error' ? 'site.link-resolves' : 'site.link-published', story.file, link, problem.message, 'body'),
      );
  }
  for (const image of references?.images ?? []) {
    // A src that breaks the image-path rule is already refused by the body check.
    if (!isImagePath(image.src)) continue;
    if (!publicFileExists(targets.publicDir, image.src)) {
      problems.push(problemOf('site.image-exists', story.file, image, `<Figure> src: ${missingImage(image.src)}`, 'body'));
      continue;
    }
    const facts = await pictures(image.src);
    const small = facts && tooSmall(facts, FIGURE_SLOT_CSS_PX);
    if (small) problems.push(problemOf('site.image-size', story.file, image, `<Figure> src: ${small}`, 'body'));
  }
  return problems;
}

/** Why a picture is too narrow for a slot of `slotCssPx`, or undefined when it is wide enough. */
function tooSmall(facts: ImageFacts, slotCssPx: number): string | undefined {
  const needed = pixelsNeeded(slotCssPx);
  return facts.width >= needed
    ? undefined
    : `expected a picture at least ${needed} px wide, to be sharp at ${slotCssPx} px on a ${SHARP_DPR}x screen, got ${facts.width} px`;
}

/** Pictures anywhere under public/ that say where they were taken: anyone can download them. */
async function picturesWithLocation(publicDir: string, pictures: PictureLookup): Promise<ContentProblem[]> {
  const files = await listPictureFiles(publicDir);
  const problems: ContentProblem[] = [];
  for (let i = 0; i < files.length; i += 16) {
    const batch = files.slice(i, i + 16);
    const facts = await Promise.all(batch.map((src) => pictures(src)));
    batch.forEach((src, k) => {
      if (!facts[k]?.hasLocation) return;
      const message =
        'expected a picture without location data, found GPS coordinates in its metadata, which can expose where a source or photographer was: remove them (exiftool -gps:all= -xmp:all= FILE)';
      problems.push(problemOf('site.image-location', displayPath(path.join(publicDir, src)), { line: 1, column: 1 }, message));
    });
  }
  return problems;
}

function missingImage(src: string): string {
  return `expected an image file under public/ (public${src}), got ${JSON.stringify(src)}, which does not exist`;
}

/** What links may point to, looked up in the index one link at a time. */
function indexLinkTargets(db: IndexDb, publicDir: string): LinkTargets {
  const story = db.prepare('SELECT story FROM stories WHERE slug = ?');
  const file = db.prepare('SELECT parsed FROM files WHERE path = ?');
  const lookup = (slug: string): Pick<Story, 'draft' | 'publishedAt'> | undefined | null => {
    const row = (story.get(slug) ?? file.get(`articles/${slug}.mdx`)) as { story?: string; parsed?: string | null } | undefined;
    if (!row) return null;
    const json = row.story ?? row.parsed;
    return json ? (JSON.parse(json) as Story) : undefined;
  };
  const has = (sql: string) => {
    const statement = db.prepare(sql);
    return { has: (key: string) => statement.get(key) !== undefined };
  };
  return {
    stories: { has: (slug) => lookup(slug) !== null, get: (slug) => lookup(slug) ?? undefined },
    authors: has('SELECT 1 FROM authors WHERE id = ?'),
    sections: has('SELECT 1 FROM sections WHERE id = ?'),
    tags: has('SELECT 1 FROM tag_counts WHERE tag = ? AND stories > 0'),
    publicDir,
  };
}

/** One file per author (not both x.yaml and x.yml), and avatars that exist. */
async function checkAuthorFiles(dir: string, authors: ReadonlyMap<string, Author>, publicDir: string): Promise<ContentProblem[]> {
  const problems: ContentProblem[] = [];
  const names = (await listDir(path.join(dir, 'authors'))).filter((n) => /\.ya?ml$/.test(n));
  const byId = new Map<string, string>();
  for (const name of names) {
    const id = name.replace(/\.ya?ml$/, '');
    const other = byId.get(id);
    if (other) {
      const file = displayPath(path.join(dir, 'authors', name));
      problems.push(
        problemOf(
          'site.author-one-file',
          file,
          { line: 1, column: 1 },
          `expected one file per author, got ${name} and ${other} for the same id`,
          'id',
        ),
      );
    }
    byId.set(id, name);
  }
  for (const author of authors.values()) {
    if (author.avatar && !publicFileExists(publicDir, author.avatar.src)) {
      const source = (await readContentFile(path.join(dir, 'authors', path.basename(author.file)))) ?? '';
      const at = parseYaml(author.file, source).locate(['avatar', 'src']);
      problems.push(problemOf('site.image-exists', author.file, at, missingImage(author.avatar.src), 'avatar.src'));
    }
  }
  return problems;
}

async function listDir(dir: string): Promise<string[]> {
  return (await listContentFolder(dir).catch(() => [])).sort();
}

function dedupe(problems: ContentProblem[]): ContentProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.field}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function sortProblems(problems: ContentProblem[]): ContentProblem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.message.localeCompare(b.message),
  );
}
