import 'server-only';
import { lastModifiedAt } from '../last-modified';
import { BODY_CHARS, tagKey, termFrequencies, termVector } from '../related-ranking';
import type { Story, Author, Section } from '../schema';
import { deleteSearchRow, writeSearchRow } from '@/lib/search/search-rows';
import { sql, type IndexDb } from './database';
import type { StoryRow } from './rows';
import { monthOf, monthRange } from './months';

/**
 * Writes one story and everything derived from it (tags, bylines, related-story terms, search,
 * sitemap months, where it was listed), and takes them out again. Synchronous: the caller wraps
 * a batch in one transaction, so readers see a story whole or not at all.
 */

/** The names search indexes for a story's section and bylines, so a search for a reporter finds them. */
export function indexedNames(db: IndexDb, story: Pick<Story, 'section' | 'authors'>) {
  const sectionRow = sql(db, 'SELECT section FROM sections WHERE id = ?').get(story.section) as { section: string } | undefined;
  const section = sectionRow ? (JSON.parse(sectionRow.section) as Section) : undefined;
  const authors = story.authors.map((id) => {
    const row = sql(db, 'SELECT author FROM authors WHERE id = ?').get(id) as { author: string } | undefined;
    return row ? (JSON.parse(row.author) as Author).name : id;
  });
  return { section: section ? `${section.name} ${section.id}` : story.section, authors: authors.join(', ') };
}

/**
 * `bulk`: part of a rebuild or a large batch, which weighs terms and counts months once at the end
 * (finishBulk) instead of per story: per story, both read ranges that grow with the archive.
 */
export function writeStory(db: IndexDb, story: Story, hash: string, compiled: string, figures: readonly string[], bulk = false) {
  const old = sql(db, 'SELECT slug, story, text, listed, published_ms FROM stories WHERE slug = ?').get(story.slug) as
    Pick<StoryRow, 'slug' | 'story' | 'text' | 'listed' | 'published_ms'> | undefined;
  if (old) removeDerived(db, old, bulk);
  const { text, ...fields } = story;
  const publishedMs = Date.parse(story.publishedAt);
  const listed = story.draft ? 0 : 1;
  sql(
    db,
    `INSERT OR REPLACE INTO stories (slug, hash, listed, sample, section, published_ms, modified_ms, story, text, compiled)
     VALUES (@slug, @hash, @listed, @sample, @section, @published, @modified, @story, @text, @compiled)`,
  ).run({
    slug: story.slug,
    hash,
    listed,
    sample: story.sample ? 1 : 0,
    section: story.section,
    published: publishedMs,
    modified: Date.parse(lastModifiedAt(story)),
    story: JSON.stringify(fields),
    text,
    compiled,
  });
  const sample = story.sample ? 1 : 0;
  const tag = sql(db, 'INSERT OR REPLACE INTO story_tags (tag, slug, name, listed, published_ms, sample) VALUES (?, ?, ?, ?, ?, ?)');
  const keys = new Map<string, string>();
  for (const name of story.tags) if (tagKey(name) && !keys.has(tagKey(name))) keys.set(tagKey(name), name);
  for (const [key, name] of keys) tag.run(key, story.slug, name, listed, publishedMs, sample);
  const byline = sql(
    db,
    'INSERT OR REPLACE INTO story_authors (author, slug, position, listed, published_ms, sample) VALUES (?, ?, ?, ?, ?, ?)',
  );
  story.authors.forEach((id, i) => byline.run(id, story.slug, i, listed, publishedMs, sample));
  if (listed) {
    countListings(db, story, keys.keys(), 1, bulk);
    const count = sql(db, 'INSERT INTO tag_counts (tag, stories) VALUES (?, 1) ON CONFLICT (tag) DO UPDATE SET stories = stories + 1');
    for (const key of keys.keys()) count.run(key);
    const terms = termFrequencies(story);
    const bump = sql(db, 'INSERT INTO term_counts (term, stories) VALUES (?, 1) ON CONFLICT (term) DO UPDATE SET stories = stories + 1');
    for (const term of terms.keys()) bump.run(term);
    if (!bulk) writeTerms(db, story.slug, terms);
    const listedUnder = sql(db, 'INSERT OR IGNORE INTO listed_under (slug, kind, key) VALUES (?, ?, ?)');
    listedUnder.run(story.slug, 'section', story.section);
    for (const name of keys.values()) listedUnder.run(story.slug, 'tag', name);
    for (const id of story.authors) listedUnder.run(story.slug, 'author', id);
  }
  const image = sql(db, 'INSERT OR IGNORE INTO story_images (src, slug) VALUES (?, ?)');
  for (const src of [...(story.image ? [story.image.src] : []), ...figures]) image.run(src, story.slug);
  writeSearchRow(db, story, indexedNames(db, story));
}

export function deleteStory(db: IndexDb, slug: string, bulk = false) {
  const old = sql(db, 'SELECT slug, story, text, listed, published_ms FROM stories WHERE slug = ?').get(slug) as
    Pick<StoryRow, 'slug' | 'story' | 'text' | 'listed' | 'published_ms'> | undefined;
  if (!old) return;
  removeDerived(db, old, bulk);
  sql(db, 'DELETE FROM stories WHERE slug = ?').run(slug);
}

/** Takes out what writeStory derived from the story's previous version (counts included). */
function removeDerived(db: IndexDb, old: Pick<StoryRow, 'slug' | 'story' | 'text' | 'listed' | 'published_ms'>, bulk: boolean) {
  if (old.listed) {
    const previous = { ...(JSON.parse(old.story) as Story), text: old.text };
    const drop = sql(db, 'UPDATE term_counts SET stories = stories - 1 WHERE term = ?');
    for (const term of termFrequencies(previous).keys()) drop.run(term);
    const tagDrop = sql(db, 'UPDATE tag_counts SET stories = stories - 1 WHERE tag = ?');
    const keys = new Set(previous.tags.map(tagKey).filter(Boolean));
    for (const key of keys) tagDrop.run(key);
    countListings(db, previous, keys, -1, bulk);
  }
  sql(db, 'DELETE FROM story_tags WHERE slug = ?').run(old.slug);
  sql(db, 'DELETE FROM story_authors WHERE slug = ?').run(old.slug);
  sql(db, 'DELETE FROM story_terms WHERE slug = ?').run(old.slug);
  sql(db, 'DELETE FROM story_images WHERE slug = ?').run(old.slug);
  deleteSearchRow(db, old.slug);
}

/** Adds (or takes away) a listed story from the counts of every listing it appears in. */
function countListings(
  db: IndexDb,
  story: Pick<Story, 'section' | 'authors' | 'sample' | 'publishedAt' | 'updatedAt' | 'corrections'>,
  tagKeys: Iterable<string>,
  delta: 1 | -1,
  bulk: boolean,
) {
  const sample = story.sample ? 1 : 0;
  const modified = Date.parse(lastModifiedAt(story));
  const listings: [ListingKind, string][] = [
    ['all', ''],
    ['section', story.section],
    ['month', monthOf(Date.parse(story.publishedAt))],
  ];
  for (const key of tagKeys) listings.push(['tag', key]);
  for (const id of new Set(story.authors)) listings.push(['author', id]);
  const bump = sql(
    db,
    `INSERT INTO listing_counts (kind, key, sample, stories, modified_ms) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (kind, key, sample) DO UPDATE SET stories = stories + excluded.stories, modified_ms = max(modified_ms, excluded.modified_ms)`,
  );
  const newest = sql(db, 'SELECT modified_ms AS m FROM listing_counts WHERE kind = ? AND key = ? AND sample = ?');
  for (const [kind, key] of listings) {
    bump.run(kind, key, sample, delta, delta > 0 ? modified : 0);
    // Only when the story that goes held the listing's newest change is the newest found again:
    // for the whole site that is a scan of every story, which an ordinary edit must not pay.
    if (delta < 0 && !bulk && ((newest.get(kind, key, sample) as { m: number } | undefined)?.m ?? 0) <= modified)
      recountModified(db, kind, key, sample);
  }
}

type ListingKind = 'all' | 'section' | 'tag' | 'author' | 'month';

const LISTING_MEMBERS: Record<ListingKind, string> = {
  all: 'SELECT max(s.modified_ms) AS m FROM stories s WHERE s.listed = 1 AND s.sample = @sample',
  month:
    'SELECT max(s.modified_ms) AS m FROM stories s WHERE s.listed = 1 AND s.published_ms >= @start AND s.published_ms < @end AND s.sample = @sample',
  section: 'SELECT max(s.modified_ms) AS m FROM stories s WHERE s.section = @key AND s.listed = 1 AND s.sample = @sample',
  tag: 'SELECT max(s.modified_ms) AS m FROM story_tags x JOIN stories s ON s.slug = x.slug WHERE x.tag = @key AND s.listed = 1 AND s.sample = @sample',
  author:
    'SELECT max(s.modified_ms) AS m FROM story_authors x JOIN stories s ON s.slug = x.slug WHERE x.author = @key AND s.listed = 1 AND s.sample = @sample',
};

function recountModified(db: IndexDb, kind: ListingKind, key: string, sample: number) {
  const range = kind === 'month' ? monthRange(key) : { start: 0, end: 0 };
  const query = LISTING_MEMBERS[kind];
  const params = { sample, ...(query.includes('@key') ? { key } : {}), ...(kind === 'month' ? range : {}) };
  const row = sql(db, query).get(params) as { m: number | null };
  sql(db, 'UPDATE listing_counts SET modified_ms = ? WHERE kind = ? AND key = ? AND sample = ?').run(row.m ?? 0, kind, key, sample);
}

/** After a bulk write: every listing's newest change, one grouped pass per kind. */
function recountAllModified(db: IndexDb) {
  const passes: Record<ListingKind, string> = {
    all: "SELECT '' AS key, s.sample, max(s.modified_ms) AS m FROM stories s WHERE s.listed = 1 GROUP BY s.sample",
    section: 'SELECT s.section AS key, s.sample, max(s.modified_ms) AS m FROM stories s WHERE s.listed = 1 GROUP BY s.section, s.sample',
    month:
      "SELECT strftime('%Y-%m', s.published_ms / 1000, 'unixepoch') AS key, s.sample, max(s.modified_ms) AS m FROM stories s WHERE s.listed = 1 GROUP BY 1, 2",
    tag: 'SELECT x.tag AS key, s.sample, max(s.modified_ms) AS m FROM story_tags x JOIN stories s ON s.slug = x.slug WHERE s.listed = 1 GROUP BY x.tag, s.sample',
    author:
      'SELECT x.author AS key, s.sample, max(s.modified_ms) AS m FROM story_authors x JOIN stories s ON s.slug = x.slug WHERE s.listed = 1 GROUP BY x.author, s.sample',
  };
  const update = sql(db, 'UPDATE listing_counts SET modified_ms = ? WHERE kind = ? AND key = ? AND sample = ?');
  for (const [kind, query] of Object.entries(passes)) {
    for (const r of sql(db, query).all() as { key: string; sample: number; m: number }[]) update.run(r.m, kind, r.key, r.sample);
  }
}

/** A story's related-story vector, weighted by how many stories use each term now. */
function writeTerms(db: IndexDb, slug: string, tf: ReadonlyMap<string, number>) {
  const total = (sql(db, "SELECT coalesce(sum(stories), 0) AS n FROM listing_counts WHERE kind = 'all'").get() as { n: number }).n;
  const storiesWith = sql(db, 'SELECT stories FROM term_counts WHERE term = ?');
  const vector = termVector(tf, (term) => (storiesWith.get(term) as { stories: number } | undefined)?.stories ?? 0, total);
  sql(db, 'DELETE FROM story_terms WHERE slug = ?').run(slug);
  const insert = sql(db, 'INSERT INTO story_terms (term, slug, weight) VALUES (?, ?, ?)');
  for (const { term, weight } of vector) insert.run(term, slug, weight);
}

/**
 * Weighs every story's terms again with the final counts. After a rebuild, the first stories
 * were weighed against a few; small edits later shift the counts only a little (ADR 0010).
 */
export function finishBulk(db: IndexDb, onProgress?: (done: number, total: number) => void) {
  reweighAllTerms(db, onProgress);
  db.transaction(() => {
    recountAllModified(db);
  })();
}

function reweighAllTerms(db: IndexDb, onProgress?: (done: number, total: number) => void) {
  const total = (sql(db, 'SELECT count(*) AS n FROM stories WHERE listed = 1').get() as { n: number }).n;
  const counts = new Map(
    (sql(db, 'SELECT term, stories FROM term_counts WHERE stories > 0').all() as { term: string; stories: number }[]).map((r) => [
      r.term,
      r.stories,
    ]),
  );
  // Pages by slug rather than one query over everything: the whole archive's text never sits in memory.
  const page = sql(
    db,
    `SELECT slug, story, substr(text, 1, ${BODY_CHARS}) AS text FROM stories WHERE listed = 1 AND slug > ? ORDER BY slug LIMIT 2000`,
  );
  const insert = sql(db, 'INSERT INTO story_terms (term, slug, weight) VALUES (?, ?, ?)');
  sql(db, 'DELETE FROM story_terms').run();
  let done = 0;
  let after = '';
  for (;;) {
    const rows = page.all(after) as Pick<StoryRow, 'slug' | 'story' | 'text'>[];
    if (rows.length === 0) break;
    db.transaction(() => {
      for (const row of rows) {
        const story = { ...(JSON.parse(row.story) as Story), text: row.text };
        for (const { term, weight } of termVector(termFrequencies(story), (t) => counts.get(t) ?? 0, total))
          insert.run(term, row.slug, weight);
      }
    })();
    done += rows.length;
    after = rows.at(-1)!.slug;
    onProgress?.(done, total);
  }
  sql(db, 'DELETE FROM term_counts WHERE stories <= 0').run();
  sql(db, 'DELETE FROM tag_counts WHERE stories <= 0').run();
}

/** Bumped after every committed change, so other processes (and search) can see the index moved. */
export function bumpRevision(db: IndexDb) {
  sql(
    db,
    "INSERT INTO meta (key, value) VALUES ('revision', '1') ON CONFLICT (key) DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)",
  ).run();
}
