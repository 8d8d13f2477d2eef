import 'server-only';
import { PAGE_SIZE, pageCount, pageOffset, type PageOf } from '@/lib/pagination';
import { sql, type IndexDb } from './index/database';
import { PUBLIC_ROW, publicParams, publicWhere } from './index/public-view';
import { STORY_COLUMNS, storiesBySlug, storyRowForPage, toStory, type StoryColumns } from './index/rows';
import { monthOf, monthRange } from './index/months';
import { contentDb, readIfChanged, readStorySource } from './index/runtime';
import { livePagesNow } from './live';
import { isValidSlug } from './slug';
import type { ContentProblem } from './problems';
import type { RefreshedIndex } from '@/lib/revalidate/handle';
import {
  byNearnessTo,
  POSTINGS_PER_TAG,
  POSTINGS_PER_TERM,
  rankRelated,
  relatedSubject,
  SECTION_NEIGHBOURS,
  tagKey,
  type CandidateSource,
  type RelatedScore,
  type TermWeight,
} from './related-ranking';
import type { Story, Author, Section } from './schema';

/**
 * What pages, feeds, sitemaps and search ask of the content, answered from the content index
 * (lib/content/index/). Every query reads a bounded index range: the cost of a page does not grow
 * with the archive (ADR 0010). "Public" has one definition, index/public-view.ts.
 */

const PUBLIC = publicWhere('s');

/*
 * How each query walks the index: named so the planner never starts from the whole archive (with
 * no statistics it would scan stories by time and join the rest). A tag's or a byline's stories
 * come newest first from their own index, then each story is looked up by slug.
 */
const BY_TIME = 'stories s INDEXED BY stories_by_time';
const BY_SECTION = 'stories s INDEXED BY stories_by_section';
const TAGGED = 'story_tags x CROSS JOIN stories s ON s.slug = x.slug';
const BYLINED = 'story_authors x CROSS JOIN stories s ON s.slug = x.slug';
/** The slugs of a listing in order, from its own index, public ones only. */
const LISTING_PAGE: Record<ListingKind, string> = {
  section: `SELECT s.slug FROM ${BY_SECTION} WHERE s.section = @key AND ${PUBLIC} ORDER BY s.published_ms DESC, s.slug`,
  tag: `SELECT x.slug FROM story_tags x INDEXED BY story_tags_by_time WHERE x.tag = @key AND ${publicWhere('x')} ORDER BY x.published_ms DESC, x.slug`,
  author: `SELECT x.slug FROM story_authors x INDEXED BY story_authors_by_time WHERE x.author = @key AND ${publicWhere('x')} ORDER BY x.published_ms DESC, x.slug`,
};

function all(db: IndexDb, query: string, params: Record<string, unknown> = {}): Story[] {
  return (sql(db, query).all({ ...publicParams(), ...params }) as StoryColumns[]).map(toStory);
}

export async function getSections(): Promise<readonly Section[]> {
  return sectionsIn(await contentDb());
}

/** The sections of a given index, in navigation order (getSections, and benches on a file). */
export function sectionsIn(db: IndexDb): Section[] {
  return (sql(db, 'SELECT section FROM sections ORDER BY position').all() as { section: string }[]).map(
    (r) => JSON.parse(r.section) as Section,
  );
}

export async function getSection(id: string): Promise<Section | undefined> {
  return (await getSections()).find((s) => s.id === id);
}

export async function getAuthors(ids: readonly string[]): Promise<Author[]> {
  return authorsIn(await contentDb(), ids);
}

/** Author records of a given index, in the order asked for; unknown ids are left out. */
export function authorsIn(db: IndexDb, ids: readonly string[]): Author[] {
  const get = sql(db, 'SELECT author FROM authors WHERE id = ?');
  return ids.flatMap((id) => {
    const row = get.get(id) as { author: string } | undefined;
    return row ? [JSON.parse(row.author) as Author] : [];
  });
}

/** The public story with this slug, or undefined (unknown, draft, scheduled or hidden sample). */
export async function getStory(slug: string): Promise<Story | undefined> {
  const db = await contentDb();
  return all(db, `SELECT ${STORY_COLUMNS} FROM stories s WHERE s.slug = @slug AND ${PUBLIC}`, { slug })[0];
}

export type StoryForPage =
  | { kind: 'story'; story: Story; public: boolean; /** The body, compiled when it was checked. */ code: string }
  | { kind: 'problems'; slug: string; problems: readonly ContentProblem[] };

/**
 * The story a story page shows. Readers get public stories only, in their last good version (a
 * file that breaks later keeps its story as it was). In preview (draft mode), drafts and scheduled
 * stories too, and a story file with errors shows its problems. A story that never had a good
 * version does not exist for readers: a 404, exactly like a URL that never existed.
 */
export async function getStoryForPage(slug: string, { preview = false } = {}): Promise<StoryForPage | undefined> {
  const found = await storyForPage(slug, preview);
  // Not there (or in preview): the file may have been written a moment ago; look once, then answer.
  if ((!found || preview) && isValidSlug(slug) && (await readIfChanged(`articles/${slug}.mdx`))) return storyForPage(slug, preview);
  return found;
}

async function storyForPage(slug: string, preview: boolean): Promise<StoryForPage | undefined> {
  const db = await contentDb();
  const row = storyRowForPage(db, slug);
  if (preview) {
    const problems = getFileProblems(db, `articles/${slug}.mdx`).filter((p) => p.severity === 'error');
    if (problems.length) return { kind: 'problems', slug, problems };
  }
  if (!row || (!row.visible && !preview)) return undefined;
  return { kind: 'story', story: toStory(row), public: row.visible === 1, code: row.compiled };
}

/** The compiled bodies of these stories, by slug (feeds render them as HTML). */
export async function getStoryCodes(slugs: readonly string[]): Promise<Map<string, string>> {
  const db = await contentDb();
  const get = sql(db, 'SELECT compiled FROM stories WHERE slug = ?');
  return new Map(slugs.map((slug) => [slug, (get.get(slug) as { compiled: string } | undefined)?.compiled ?? '']));
}

/** What is wrong with a content file (relative to the content directory), as last read. */
export function getFileProblems(db: IndexDb, rel: string): ContentProblem[] {
  const row = sql(db, 'SELECT problems FROM files WHERE path = ?').get(rel) as { problems: string } | undefined;
  return row ? (JSON.parse(row.problems) as ContentProblem[]) : [];
}

/** Whether a story file is known to the index: a story, or a file with problems. */
export async function storyFileKnown(slug: string): Promise<boolean> {
  const db = await contentDb();
  return Boolean(sql(db, 'SELECT 1 FROM files WHERE path = ?').get(`articles/${slug}.mdx`));
}

/** The newest public stories, of one section when given. */
export async function getNewestStories(limit: number, { section }: { section?: string } = {}): Promise<Story[]> {
  const db = await contentDb();
  return section
    ? all(
        db,
        `SELECT ${STORY_COLUMNS} FROM ${BY_SECTION} WHERE s.section = @section AND ${PUBLIC} ORDER BY s.published_ms DESC, s.slug LIMIT @limit`,
        {
          section,
          limit,
        },
      )
    : all(db, `SELECT ${STORY_COLUMNS} FROM ${BY_TIME} WHERE ${PUBLIC} ORDER BY s.published_ms DESC, s.slug LIMIT @limit`, { limit });
}

/** Public stories published at or after `sinceMs`, newest first (the news sitemap's two days). */
export async function getStoriesSince(sinceMs: number): Promise<Story[]> {
  const db = await contentDb();
  return all(
    db,
    `SELECT ${STORY_COLUMNS} FROM ${BY_TIME} WHERE s.published_ms >= @since AND ${PUBLIC} ORDER BY s.published_ms DESC, s.slug`,
    {
      since: sinceMs,
    },
  );
}

export type ListingKind = 'section' | 'tag' | 'author';

const LISTING_SQL: Record<ListingKind | 'month' | 'all', { join: string; where: string }> = {
  all: { join: '', where: '1' },
  section: { join: '', where: 's.section = @key' },
  tag: { join: 'JOIN story_tags x ON x.slug = s.slug', where: 'x.tag = @key AND x.listed = 1' },
  author: { join: 'JOIN story_authors x ON x.slug = s.slug', where: 'x.author = @key AND x.listed = 1' },
  month: { join: '', where: 's.published_ms >= @start AND s.published_ms < @end' },
};

const rangeOf = (kind: string, key: string) => (kind === 'month' ? monthRange(key) : {});

/**
 * How many public stories a listing has: the kept count of its listed stories, less those still
 * scheduled (a short index range), so no page counts its whole listing.
 */
function countListing(db: IndexDb, kind: keyof typeof LISTING_SQL, key: string, now = Date.now()): number {
  const params = publicParams(now);
  const kept = sql(db, 'SELECT sample, stories FROM listing_counts WHERE kind = ? AND key = ?').all(kind, key) as {
    sample: number;
    stories: number;
  }[];
  const listed = kept.reduce((sum, r) => sum + (r.sample === 0 || params.samples === 1 ? r.stories : 0), 0);
  return Math.max(0, listed - countScheduled(db, kind, key, now));
}

/** Listed stories of a listing whose time has not come: few, and found in a short index range. */
function countScheduled(db: IndexDb, kind: keyof typeof LISTING_SQL, key: string, now = Date.now()): number {
  const listing = LISTING_SQL[kind];
  const row = sql(
    db,
    `SELECT count(*) AS n FROM stories s ${listing.join} WHERE ${listing.where} AND s.listed = 1 AND s.published_ms > @now AND (s.sample = 0 OR @samples = 1)`,
  ).get({ ...publicParams(now), ...(listing.where.includes('@key') ? { key } : {}), ...rangeOf(kind, key) }) as { n: number };
  return row.n;
}

/** How many stories are public now: the kept count, less the scheduled ones. */
export function countPublicStories(db: IndexDb, now = Date.now()): number {
  return countListing(db, 'all', '', now);
}

/**
 * How many stories were published from `fromMs` until now, of those public now: whole months from
 * the kept month counts, the first month's part from a short index range. Search scales a window
 * of matches to an estimated total with it, without counting the archive (lib/search/engine.ts).
 */
export function countPublicSince(db: IndexDb, fromMs: number, now = Date.now()): number {
  const params = publicParams(now);
  const first = monthOf(fromMs);
  const { end } = monthRange(first);
  const head = sql(
    db,
    `SELECT count(*) AS n FROM stories s WHERE s.listed = 1 AND s.published_ms >= @from AND s.published_ms < @end AND s.published_ms <= @now AND (s.sample = 0 OR @samples = 1)`,
  ).get({ ...params, from: fromMs, end }) as { n: number };
  const later = sql(
    db,
    "SELECT coalesce(sum(stories), 0) AS n FROM listing_counts WHERE kind = 'month' AND key > @first AND (sample = 0 OR @samples = 1)",
  ).get({
    first,
    samples: params.samples,
  }) as { n: number };
  const scheduled = sql(
    db,
    'SELECT count(*) AS n FROM stories s WHERE s.listed = 1 AND s.published_ms >= @end AND s.published_ms > @now AND (s.sample = 0 OR @samples = 1)',
  ).get({
    ...params,
    end,
  }) as { n: number };
  return head.n + later.n - scheduled.n;
}

export type ListingSummary = { key: string; stories: number; modifiedMs: number };

/**
 * Every listing of a kind with public stories, its count and newest change (never later than
 * now): what the sitemap lists. Costs one row per listing, whatever the archive's size.
 */
export async function getListingSummaries(kind: keyof typeof LISTING_SQL): Promise<ListingSummary[]> {
  const db = await contentDb();
  const params = publicParams();
  const rows = sql(
    db,
    `SELECT key, sum(stories) AS stories, max(modified_ms) AS modified FROM listing_counts
       WHERE kind = @kind AND (sample = 0 OR @samples = 1) GROUP BY key HAVING sum(stories) > 0 ORDER BY key`,
  ).all({ kind, samples: params.samples }) as { key: string; stories: number; modified: number }[];
  return rows.flatMap((r) => {
    const stories = r.stories - countScheduled(db, kind, r.key);
    return stories > 0 ? [{ key: r.key, stories, modifiedMs: Math.min(r.modified, params.now) }] : [];
  });
}

/** Public stories of one month in publication order, a slice of them: one part of a split sitemap. */
export async function getMonthStories(month: string, offset: number, limit: number): Promise<Story[]> {
  const db = await contentDb();
  return all(
    db,
    `SELECT ${STORY_COLUMNS} FROM ${BY_TIME} WHERE s.published_ms >= @start AND s.published_ms < @end AND ${PUBLIC}
     ORDER BY s.published_ms, s.slug LIMIT @limit OFFSET @offset`,
    { ...monthRange(month), offset, limit },
  );
}

/** One page of a section, tag or author listing, newest first; undefined past the last page. */
export async function getListingPage(kind: ListingKind, key: string, page: number, size = PAGE_SIZE): Promise<PageOf<Story> | undefined> {
  const db = await contentDb();
  const totalItems = countListing(db, kind, key);
  const offset = pageOffset(page, totalItems, size);
  if (offset === undefined) return undefined;
  // The page's slugs are chosen from the listing's index alone (skipped rows cost an index step),
  // then only those stories are read.
  const items = all(
    db,
    `SELECT ${STORY_COLUMNS} FROM stories s WHERE s.slug IN (${LISTING_PAGE[kind]} LIMIT @size OFFSET @offset) ORDER BY s.published_ms DESC, s.slug`,
    { key, size, offset },
  );
  return { items, page, totalPages: pageCount(totalItems, size), totalItems };
}

export type Tag = { slug: string; name: string; stories: number };

/** A tag with public stories, named as its newest story spells it. */
export async function getTag(slug: string): Promise<Tag | undefined> {
  const db = await contentDb();
  const newest = sql(
    db,
    `SELECT x.name FROM ${TAGGED} WHERE x.tag = @tag AND x.listed = 1 AND ${PUBLIC} ORDER BY x.published_ms DESC, x.slug LIMIT 1`,
  ).get({ ...publicParams(), tag: slug }) as { name: string } | undefined;
  if (!newest) return undefined;
  return { slug, name: newest.name, stories: countListing(db, 'tag', slug) };
}

/** Every tag some listed story carries (prerendered at build; a page with no public story is a 404). */
export async function getTagSlugs(): Promise<string[]> {
  const db = await contentDb();
  return (sql(db, 'SELECT tag FROM tag_counts WHERE stories > 0 ORDER BY tag').all() as { tag: string }[]).map((r) => r.tag);
}

/** An author with at least one public story (sample authors disappear with their samples). */
export async function getPublicAuthor(id: string): Promise<{ author: Author; stories: number } | undefined> {
  const [author] = await getAuthors([id]);
  if (!author) return undefined;
  const db = await contentDb();
  const stories = countListing(db, 'author', id);
  return stories > 0 ? { author, stories } : undefined;
}

export async function getPublicAuthorIds(): Promise<string[]> {
  return (await getListingSummaries('author')).map((r) => r.key);
}

/** The slugs `next build` prerenders: the newest public stories. */
export async function getPrerenderSlugs(limit: number): Promise<string[]> {
  return (await getNewestStories(limit)).map((a) => a.slug);
}

/** Other public stories by the story's first author, newest first. */
export async function getMoreFromAuthor(story: Story, limit = 4): Promise<Story[]> {
  const authorId = story.authors[0];
  if (!authorId) return [];
  const db = await contentDb();
  return all(
    db,
    `SELECT ${STORY_COLUMNS} FROM ${BYLINED}
     WHERE x.author = @author AND x.listed = 1 AND s.slug != @slug AND ${PUBLIC} ORDER BY x.published_ms DESC, x.slug LIMIT @limit`,
    { author: authorId, slug: story.slug, limit },
  );
}

/**
 * Related stories with their score breakdown (related-ranking.ts), ranked on request from bounded lists
 * the index keeps: a scheduled story joins the lists at its time, with no file change.
 */
export async function getRelated(story: Story, limit = 5): Promise<{ story: Story; why: RelatedScore }[]> {
  const db = await contentDb();
  const params = publicParams();
  const vector = sql(db, 'SELECT term, weight FROM story_terms WHERE slug = ?').all(story.slug) as TermWeight[];
  const total = (sql(db, "SELECT coalesce(sum(stories), 0) AS n FROM listing_counts WHERE kind = 'all'").get() as { n: number }).n;
  const termQuery = sql(
    db,
    `SELECT t.slug, t.weight FROM story_terms t CROSS JOIN ${PUBLIC_ROW} ON s.slug = t.slug WHERE t.term = @term AND ${PUBLIC} ORDER BY t.weight DESC, t.slug LIMIT ${POSTINGS_PER_TERM}`,
  );
  const tagQuery = sql(
    db,
    `SELECT x.slug FROM story_tags x WHERE x.tag = @tag AND ${publicWhere('x')} ORDER BY x.published_ms DESC, x.slug LIMIT ${POSTINGS_PER_TAG}`,
  );
  const tagCount = sql(db, 'SELECT stories FROM tag_counts WHERE tag = ?');
  const near = (direction: 'before' | 'after') =>
    sql(
      db,
      `SELECT s.slug, s.published_ms FROM ${BY_SECTION} WHERE s.section = @section AND s.slug != @slug AND ${PUBLIC} AND s.published_ms ${direction === 'before' ? '<=' : '>'} @at
       ORDER BY s.published_ms ${direction === 'before' ? 'DESC, s.slug' : 'ASC, s.slug'} LIMIT ${SECTION_NEIGHBOURS}`,
    );
  const source: CandidateSource = {
    termPostings: (term) => termQuery.all({ ...params, term }) as { slug: string; weight: number }[],
    tagPostings: (tag) => (tagQuery.all({ ...params, tag }) as { slug: string }[]).map((r) => r.slug),
    tagRarity: (tag) => ({ stories: (tagCount.get(tag) as { stories: number } | undefined)?.stories ?? 0, total }),
    sectionNeighbours: (subject) => {
      const args = { ...params, section: subject.section, slug: subject.slug, at: subject.publishedMs };
      type Near = { slug: string; published_ms: number };
      const both = [...(near('before').all(args) as Near[]), ...(near('after').all(args) as Near[])];
      // The nearest in time on either side, as in memory (related-ranking.ts).
      return both
        .map((r) => ({ slug: r.slug, publishedMs: r.published_ms }))
        .sort(byNearnessTo(subject.publishedMs))
        .slice(0, SECTION_NEIGHBOURS)
        .map((r) => r.slug);
    },
    describe: (slugs) => {
      // One query for every candidate (a few hundred), not one each. CROSS JOIN makes SQLite look
      // each slug up: with IN (...) it chose to walk every public story (ADR 0010).
      const rows = slugs.length
        ? (sql(
            db,
            `SELECT s.slug, s.section, s.published_ms FROM json_each(@slugs) j CROSS JOIN ${PUBLIC_ROW} ON s.slug = j.value WHERE ${PUBLIC}`,
          ).all({
            ...params,
            slugs: JSON.stringify(slugs),
          }) as { slug: string; section: string; published_ms: number }[])
        : [];
      return new Map(rows.map((r) => [r.slug, { section: r.section, publishedMs: r.published_ms }]));
    },
  };
  const ranked = rankRelated(relatedSubject(story, vector), source, limit);
  const bySlug = new Map(
    storiesBySlug(
      db,
      ranked.map((r) => r.slug),
    ).map((a) => [a.slug, a]),
  );
  return ranked.flatMap((why) => (bySlug.get(why.slug) ? [{ story: bySlug.get(why.slug)!, why }] : []));
}

/** Where a story was listed while public, and what its row says now: what push-to-publish plans from. */
export async function revalidationIndex({ sitemapParts = 0 } = {}): Promise<RefreshedIndex> {
  const db = await contentDb();
  const params = publicParams();
  const refsOf = (slug: string) => {
    const rows = sql(db, 'SELECT kind, key FROM listed_under WHERE slug = ?').all(slug) as { kind: string; key: string }[];
    if (rows.length === 0) return undefined;
    const pick = (kind: string) => rows.filter((r) => r.kind === kind).map((r) => r.key);
    return { sections: pick('section'), tags: pick('tag'), authors: pick('author') };
  };
  const errorsOf = (slug: string) => getFileProblems(db, `articles/${slug}.mdx`).filter((p) => p.severity === 'error');
  return {
    publicStory(slug) {
      const row = sql(db, `SELECT ${STORY_COLUMNS} FROM stories s WHERE s.slug = @slug AND ${PUBLIC}`).get({ ...params, slug }) as
        StoryColumns | undefined;
      if (!row) return undefined;
      const story = toStory(row);
      return { sections: [story.section], tags: story.tags, authors: story.authors };
    },
    isBroken: (slug) => errorsOf(slug).length > 0,
    isKnown: (slug) =>
      Boolean(sql(db, 'SELECT 1 FROM stories WHERE slug = ? UNION SELECT 1 FROM files WHERE path = ?').get(slug, `articles/${slug}.mdx`)),
    listedUnder: refsOf,
    storiesBy: (id, limit) =>
      (
        sql(
          db,
          `SELECT s.slug FROM ${BYLINED} WHERE x.author = @id AND x.listed = 1 AND ${PUBLIC} ORDER BY x.published_ms DESC, x.slug LIMIT @limit`,
        ).all({ ...params, id, limit }) as { slug: string }[]
      ).map((r) => r.slug),
    storiesSharing: ({ sections, tags }, limit) => {
      const found = new Set<string>();
      const bySection = sql(
        db,
        `SELECT s.slug FROM ${BY_SECTION} WHERE s.section = @key AND ${PUBLIC} ORDER BY s.published_ms DESC, s.slug LIMIT @limit`,
      );
      const byTag = sql(
        db,
        `SELECT s.slug FROM ${TAGGED} WHERE x.tag = @key AND x.listed = 1 AND ${PUBLIC} ORDER BY x.published_ms DESC, x.slug LIMIT @limit`,
      );
      for (const key of sections) for (const r of bySection.all({ ...params, key, limit }) as { slug: string }[]) found.add(r.slug);
      for (const key of new Set(tags.map(tagKey)))
        for (const r of byTag.all({ ...params, key, limit }) as { slug: string }[]) found.add(r.slug);
      return [...found].slice(0, limit);
    },
    listingPages: (kind, key) => pageCount(countListing(db, kind, kind === 'tag' ? tagKey(key) : key)),
    sitemapParts: () => sitemapParts,
    livePages: (slug) => livePagesNow(db, slug, params.now),
    problemsOf: errorsOf,
  };
}

/** Listed stories in the index, samples and scheduled ones included (for readiness). */
export async function countStories(): Promise<number> {
  const db = await contentDb();
  return (sql(db, "SELECT coalesce(sum(stories), 0) AS n FROM listing_counts WHERE kind = 'all'").get() as { n: number }).n;
}

/** An author id to put in a new story's template. */
export async function getFirstAuthorId(): Promise<string | undefined> {
  const db = await contentDb();
  return (sql(db, 'SELECT id FROM authors ORDER BY id LIMIT 1').get() as { id: string } | undefined)?.id;
}

/** The raw file of a story (front matter and body), draft or broken included, for the live editor. */
export async function getStorySource(slug: string): Promise<{ file: string; source: string } | undefined> {
  if (!(await storyFileKnown(slug))) return undefined;
  return readStorySource(slug);
}

/**
 * Every public story, newest first: for tools, tests and the bench. It reads the whole archive,
 * so no page, feed or sitemap calls it.
 */
export async function getPublishedStories(): Promise<Story[]> {
  return getNewestStories(-1);
}
