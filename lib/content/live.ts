import 'server-only';
import { sql, type IndexDb } from './index/database';
import { storyRowForPage, toStory } from './index/rows';
import { contentDb, readUpdateSource } from './index/runtime';
import { liveOrder, livePageCount, livePageOf, livePageSlice } from './live-order';
import type { LiveUpdate, Story } from './schema';

/*
 * Live coverage as pages read it (ADR 0011): a story with `live:` front matter, and its updates
 * from content/live/<slug>/. An update is shown while its story is public and from its time on,
 * as a scheduled story is; in preview, scheduled updates show too.
 */

/** An update as a page shows it, with its compiled body. */
export type LiveEntry = { update: LiveUpdate; code: string };

/** A key event in the summary: where it is (page and anchor) and what it says. */
export type KeyEvent = { id: string; title: string; time: string; page: number };

export type LivePage = {
  story: Story & { live: NonNullable<Story['live']> };
  public: boolean;
  /** The story's own body (the summary above the updates), compiled when it was checked. */
  code: string;
  page: number;
  totalPages: number;
  totalUpdates: number;
  updates: LiveEntry[];
  keyEvents: KeyEvent[];
  /** The newest visible update's time: the page's dateModified. */
  newestTime?: string;
};

type Stub = { id: string; time_ms: number; pinned: number; key_event: number; title: string; time: string };

function liveStory(db: IndexDb, slug: string, preview: boolean, now: number) {
  const row = storyRowForPage(db, slug, now);
  if (!row || (!row.visible && !preview)) return undefined;
  return { story: toStory(row), public: row.visible === 1, code: row.compiled };
}

/** Every visible update of a story, in reading order, without bodies. */
function orderedStubs(db: IndexDb, slug: string, until: number) {
  const rows = sql(
    db,
    `SELECT id, time_ms, pinned, key_event, json_extract(update_json, '$.title') AS title, json_extract(update_json, '$.time') AS time
     FROM live_updates WHERE story = @slug AND time_ms <= @until`,
  ).all({ slug, until }) as Stub[];
  return liveOrder(rows.map((r) => ({ ...r, timeMs: r.time_ms, pinned: r.pinned === 1 })));
}

/**
 * Page `page` of a live story, or undefined when there is no such story for this reader, it has
 * no live coverage, or the page is past the last. `now` is for tests.
 */
export async function getLivePage(
  slug: string,
  page: number,
  { preview = false, now = Date.now() } = {},
): Promise<LivePage | 'not-live' | undefined> {
  const db = await contentDb();
  const found = liveStory(db, slug, preview, now);
  if (!found) return undefined;
  const { story } = found;
  if (!story.live) return 'not-live';
  const ordered = orderedStubs(db, slug, preview ? Number.MAX_SAFE_INTEGER : now);
  const totalPages = livePageCount(ordered.length);
  if (page < 1 || page > totalPages) return undefined;
  const onPage = livePageSlice(ordered, page);
  const get = sql(db, 'SELECT update_json, compiled FROM live_updates WHERE story = ? AND id = ?');
  const updates = onPage.map((stub) => {
    const row = get.get(slug, stub.id) as { update_json: string; compiled: string };
    return { update: JSON.parse(row.update_json) as LiveUpdate, code: row.compiled };
  });
  const keyEvents = ordered
    .map((stub, position) => ({ stub, position }))
    .filter(({ stub }) => stub.key_event === 1)
    .sort((a, b) => b.stub.timeMs - a.stub.timeMs)
    .map(({ stub, position }) => ({ id: stub.id, title: stub.title, time: stub.time, page: livePageOf(position) }));
  const newest = ordered.reduce<(typeof ordered)[number] | undefined>((best, s) => (!best || s.timeMs > best.timeMs ? s : best), undefined);
  return {
    story: { ...story, live: story.live },
    public: found.public,
    code: found.code,
    page,
    totalPages,
    totalUpdates: ordered.length,
    updates,
    keyEvents,
    ...(newest ? { newestTime: newest.time } : {}),
  };
}

/** A public live story and its newest visible updates by time (pinned or not), for its feed; undefined when there is none. */
export async function getLiveFeedEntries(
  slug: string,
  limit: number,
  { now = Date.now() } = {},
): Promise<{ story: Story; entries: LiveEntry[] } | undefined> {
  const db = await contentDb();
  const found = liveStory(db, slug, false, now);
  if (!found?.story.live) return undefined;
  const rows = sql(
    db,
    'SELECT update_json, compiled FROM live_updates WHERE story = @slug AND time_ms <= @now ORDER BY time_ms DESC, id LIMIT @limit',
  ).all({ slug, now, limit }) as { update_json: string; compiled: string }[];
  return { story: found.story, entries: rows.map((r) => ({ update: JSON.parse(r.update_json) as LiveUpdate, code: r.compiled })) };
}

/** What the reader's prompt asks every 15 s: the coverage's status and the ids on the first page. */
export type LiveUpdateIds = { status: 'live' | 'ended'; total: number; updates: { id: string; time: string }[] };

/** The ids of a public live story's first page of updates, in reading order; undefined when there is none. */
export async function getLiveUpdateIds(slug: string, { now = Date.now() } = {}): Promise<LiveUpdateIds | undefined> {
  const db = await contentDb();
  const found = liveStory(db, slug, false, now);
  if (!found?.story.live) return undefined;
  const ordered = orderedStubs(db, slug, now);
  return {
    status: found.story.live.status,
    total: ordered.length,
    updates: livePageSlice(ordered, 1).map((s) => ({ id: s.id, time: s.time })),
  };
}

/**
 * Where update `id` of a public live story is for readers now: its page, or page 1 without an
 * anchor when it is not shown (scheduled, or gone). Undefined when there is no such live story.
 */
export async function getLiveUpdatePage(
  slug: string,
  id: string,
  { now = Date.now() } = {},
): Promise<{ page: number; shown: boolean } | undefined> {
  const db = await contentDb();
  const found = liveStory(db, slug, false, now);
  if (!found?.story.live) return undefined;
  const position = orderedStubs(db, slug, now).findIndex((s) => s.id === id);
  return position < 0 ? { page: 1, shown: false } : { page: livePageOf(position), shown: true };
}

/** How many pages a public live story's updates fill now; 0 when the story is not public or not live. */
export function livePagesNow(db: IndexDb, slug: string, now = Date.now()): number {
  const found = liveStory(db, slug, false, now);
  if (!found?.story.live) return 0;
  const { n } = sql(db, 'SELECT count(*) AS n FROM live_updates WHERE story = ? AND time_ms <= ?').get(slug, now) as { n: number };
  return livePageCount(n);
}

/** The stories with live coverage, newest first, drafts and scheduled ones too: the live editor offers them for a new update. */
export async function getLiveStoriesForEditor(limit = 20): Promise<{ slug: string; title: string }[]> {
  const db = await contentDb();
  // A scan of the stories' JSON: only the editor's page asks, never a reader's.
  return sql(
    db,
    `SELECT slug, json_extract(story, '$.title') AS title FROM stories
     WHERE json_extract(story, '$.live') IS NOT NULL ORDER BY published_ms DESC, slug LIMIT ?`,
  ).all(limit) as { slug: string; title: string }[];
}

/** A live update file's raw text (front matter and body), broken or scheduled included, for the live editor. */
export async function getUpdateSource(story: string, id: string): Promise<{ file: string; source: string } | undefined> {
  const db = await contentDb();
  // Only a file the index knows is read: the names come from the editor's address bar.
  if (!sql(db, 'SELECT 1 FROM files WHERE path = ?').get(`live/${story}/${id}.mdx`)) return undefined;
  return readUpdateSource(story, id);
}
