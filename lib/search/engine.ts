import 'server-only';
import type { Statement } from 'better-sqlite3';
import type { IndexDb } from '@/lib/content/index/database';
import { PUBLIC_ROW, publicParams, publicWhere } from '@/lib/content/index/public-view';
import { storiesBySlug } from '@/lib/content/index/rows';
import { countPublicSince, countPublicStories } from '@/lib/content/queries';
import type { Story } from '@/lib/content/schema';
import { newestFirst } from '@/lib/content/story-order';
import { pageCount, pageOffset } from '@/lib/pagination';
import { expandTerm, expansionWeight, groupQuery, type TermGroup } from './expand';
import { FIELD_BOOSTS, SEARCH_FIELDS } from './fields';
import { rowidCut, rowidTime } from './search-rows';
import { indexTerms, queryTerms } from './search-terms';
import { vocabulary } from './vocabulary';

/*
 * Search over the content index: FTS5 finds and scores (bm25 with FIELD_BOOSTS), the vocabulary
 * expands each query word into the indexed words it stands for (prefixes, typos), and publicWhere
 * decides what may be shown. Every match joined to `stories` costs (ADR 0008 has the figures), so
 * no query joins more than about a thousand: when more stories match, the newest WINDOW are
 * ranked and the rest follow newest first, and the counts are estimated from the window: its
 * matches scaled by the stories indexed over all time against over its span, per section by its
 * mix (docs/architecture/0008-site-search.md).
 */

export const DEFAULT_PER_PAGE = 10;
/** Up to this many indexed matches, every one is joined, ranked and counted exactly. */
export const EXACT_LIMIT = 1000;
/** With more, the newest this many are ranked. */
const WINDOW = 200;

/**
 * Recency: a story's score is multiplied by 1 + RECENCY_WEIGHT / (1 + age / RECENCY_SCALE_DAYS).
 * Freshness against today, as a reader searching wants the latest; not related stories' closeness
 * in time of two stories (related-ranking.ts, closenessInTime), where an old story's old neighbours count.
 * Today's story gets x1.5, a 3-month-old one x1.25, a year-old one x1.10: enough to put the newer
 * of two similar matches first, never enough to lift a passing mention over a headline match.
 */
export const RECENCY_WEIGHT = 0.5;
export const RECENCY_SCALE_DAYS = 90;
const DAY_MS = 24 * 3600 * 1000;

export function recencyBoost(publishedMs: number, now: number): number {
  const ageDays = Math.max(0, now - publishedMs) / DAY_MS;
  return 1 + RECENCY_WEIGHT / (1 + ageDays / RECENCY_SCALE_DAYS);
}

export type SearchRequest = {
  query: string;
  /** A section id; stories from other sections are left out. */
  section?: string;
  /** 1-based. A page past the last returns no hits (pageCount says how many there are). */
  page?: number;
  perPage?: number;
  /** The clock for visibility and the recency boost (tests pin it). */
  now?: number;
};

export type SearchHit = { story: Story; score: number };

export type SearchOutcome = {
  /** The query terms searched for (stop words dropped, at most MAX_QUERY_TERMS). */
  terms: string[];
  /** False when no story had every term and the results match any of them instead. */
  matchedAll: boolean;
  /** Matching stories in the chosen section (or all sections). */
  total: number;
  /** Matching stories per section id, before the section filter: for "3 in World" links. */
  bySection: Map<string, number>;
  /** True when more than EXACT_LIMIT stories matched: counts are estimates, ranking is windowed. */
  approximate: boolean;
  page: number;
  pageCount: number;
  hits: SearchHit[];
};

/** A public match, joined to its story. */
type Match = { id: number; slug: string; section: string; published: number; bm: number };
type Scored = Match & { score: number };

// The slug is read from FTS5's content table (c0) rather than story_search.slug: FTS5 loads a
// whole row, the indexed body included, to return one column, which doubled the cost of a match.
const BM25 = `bm25(story_search, 0, ${SEARCH_FIELDS.map((f) => FIELD_BOOSTS[f]).join(', ')})`;
const matches = (
  bm: string,
) => `SELECT story_search.rowid AS id, s.slug AS slug, s.section AS section, s.published_ms AS published, ${bm} AS bm
  FROM story_search JOIN story_search_content c ON c.id = story_search.rowid JOIN ${PUBLIC_ROW} ON s.slug = c.c0
  WHERE story_search MATCH @expr AND story_search.rowid < @cut AND ${publicWhere('s')}`;

/** Every field but the body: a few words each, cheap to read and to look through. */
const SHORT_FIELDS = SEARCH_FIELDS.filter((f) => f !== 'body');

type MatchParams = { expr: string; cut: number; now: number; samples: 0 | 1; section?: string; limit?: number; offset?: number };

const SQL = {
  count: 'SELECT count(*) FROM (SELECT 1 FROM story_search WHERE story_search MATCH ? AND rowid >= ? AND rowid < ? LIMIT ?)',
  rowids: 'SELECT rowid FROM story_search WHERE story_search MATCH ? AND rowid >= ? AND rowid < ?',
  all: matches(BM25),
  // No bm25 for a window: scoreWindow says why. The short fields of every row, the body (the last
  // column, mostly in overflow pages) only of the rows that need it.
  windowRows: `SELECT id, ${SHORT_FIELDS.map((f) => `' ' || c${SEARCH_FIELDS.indexOf(f) + 1} || ' '`).join(', ')} FROM story_search_content WHERE id IN (SELECT value FROM json_each(?))`,
  windowBodies: `SELECT id, ' ' || c${SEARCH_FIELDS.indexOf('body') + 1} || ' ' FROM story_search_content WHERE id IN (SELECT value FROM json_each(?))`,
  newest: `${matches('0')} AND s.section = coalesce(@section, s.section) ORDER BY story_search.rowid DESC LIMIT @limit OFFSET @offset`,
} as const;

const cache = new WeakMap<IndexDb, Map<keyof typeof SQL, Statement>>();

function statement<P extends unknown[] | object, R>(db: IndexDb, name: keyof typeof SQL): Statement<P, R> {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map<keyof typeof SQL, Statement>()));
  let prepared = statements.get(name);
  if (!prepared) statements.set(name, (prepared = db.prepare(SQL[name])));
  return prepared as Statement<P, R>;
}

const NO_ROWID = -Number.MAX_SAFE_INTEGER;

/** Indexed matches in a rowid range, counted up to `limit`: FTS5 counts about 3 matches a microsecond. */
function countIndexed(db: IndexDb, expr: string, from: number, cut: number, limit = EXACT_LIMIT + 1): number {
  return statement<[string, number, number, number], number>(db, 'count').pluck().get(expr, from, cut, limit) ?? 0;
}

function rowidsMatching(db: IndexDb, expr: string, from: number, cut: number): Set<number> {
  return new Set(statement<[string, number, number], number>(db, 'rowids').pluck().all(expr, from, cut));
}

function allMatches(db: IndexDb, params: MatchParams): Match[] {
  return statement<[MatchParams], Match>(db, 'all').all({ expr: params.expr, cut: params.cut, now: params.now, samples: params.samples });
}

function newestMatches(db: IndexDb, params: MatchParams): Match[] {
  return statement<[Required<Omit<MatchParams, 'section'>> & { section: string | null }], Match>(db, 'newest').all({
    expr: params.expr,
    cut: params.cut,
    now: params.now,
    samples: params.samples,
    section: params.section ?? null,
    limit: params.limit ?? WINDOW,
    offset: params.offset ?? 0,
  });
}

type Query = { groups: TermGroup[]; mode: 'all' | 'any'; expr: string };

function combine(parts: readonly string[], mode: Query['mode']): string {
  return parts.join(mode === 'all' ? ' AND ' : ' OR ');
}

/**
 * Scores matches: FTS5's bm25 (negative: lower is better), times how exactly each query word
 * matched (1 for the word itself, less for a prefix or a typo), times the recency boost. Which
 * stories have a word itself, and (any-word queries) which words a story has, is asked of FTS5
 * within the matches' rowid range, so the cost follows the matches, not the archive.
 */
function score(db: IndexDb, query: Query, matches: readonly Match[], now: number): Scored[] {
  if (matches.length === 0) return [];
  let from = Infinity;
  let to = -Infinity;
  for (const m of matches) {
    from = Math.min(from, m.id);
    to = Math.max(to, m.id);
  }
  const parts = query.groups.map(groupQuery);
  const checks = query.groups.map((group, g) => {
    // Stories whose match for this group is the word itself; null when the group is only the word.
    const exactParts = parts.map((part, i) => (i === g ? `"${group.term}"` : part));
    const exact =
      group.words.size > 1 ? rowidsMatching(db, query.mode === 'all' ? combine(exactParts, 'all') : `"${group.term}"`, from, to + 1) : null;
    const member = query.mode === 'any' && query.groups.length > 1 ? rowidsMatching(db, parts[g]!, from, to + 1) : null;
    return { exact, member, weaker: expansionWeight(group) };
  });
  return matches.map((m) => {
    let factor = 0;
    for (const check of checks) {
      if (check.member && !check.member.has(m.id)) continue;
      factor += !check.exact || check.exact.has(m.id) ? 1 : check.weaker;
    }
    return { ...m, score: -m.bm * factor * recencyBoost(m.published, now) };
  });
}

/**
 * Scores a window of matches without FTS5's bm25, whose first step walks every query word's whole
 * posting list, whatever the window (and FTS5 walks a rowid range from the list's start, so asking
 * it per field is no cheaper; ADR 0008 has the figures). A window is only ranked when more than
 * EXACT_LIMIT stories match, so its words are common and how often each occurs says little. Each
 * word group counts instead by the fields that hold it (FIELD_BOOSTS), read from the window's own
 * rows, times its rarity from the vocabulary's story counts, and less when only an expansion
 * matched, as in score().
 *
 * The body is not searched word by word: looking for each of a group's expansions through 200
 * bodies was most of the cost of a window (ADR 0008). When every group matched (mode 'all'), a group is in the
 * body or in a short field; the body counts for it either way, as a story's headline words are
 * nearly always in its text too, and the body is read only to tell whether the word itself is
 * there when no short field shows it. A window of an any-word query looks through every field.
 */
function scoreWindow(db: IndexDb, query: Query, window: readonly Match[], now: number, publicStories: number): Scored[] {
  if (window.length === 0) return [];
  const total = Math.max(1, publicStories);
  const words = vocabulary(db);
  const groups = query.groups.map((group) => {
    let stories = 0;
    for (const word of group.words.keys()) stories = Math.max(stories, words.get(word) ?? 0);
    const expansions = [...group.words.keys()].filter((w) => w !== group.term).map((w) => ` ${w} `);
    return {
      exact: ` ${group.term} `,
      expansions,
      // A group of the word alone matched it exactly.
      exactCertain: expansions.length === 0,
      // Otherwise only the body can say whether the word itself is there, if it is indexed at all.
      bodyTellsExact: expansions.length > 0 && words.has(group.term),
      rarity: Math.log(1 + total / Math.max(1, stories)),
      weaker: expansionWeight(group),
    };
  });
  const held = (text: string, group: (typeof groups)[number]) =>
    text.includes(group.exact) ? 'exact' : group.expansions.some((w) => text.includes(w)) ? 'expansion' : undefined;
  const ids = JSON.stringify(window.map((m) => m.id));
  const short = new Map(
    statement<[string], [number, ...string[]]>(db, 'windowRows')
      .raw()
      .all(ids)
      .map(([id, ...fields]) => [id, fields] as const),
  );
  // Per match and group: the short fields' boost, and whether one of them holds the word itself.
  const found = window.map((m) =>
    groups.map((group) => {
      let boost = 0;
      let exact = false;
      for (const [f, field] of SHORT_FIELDS.entries()) {
        const how = held(short.get(m.id)?.[f] ?? '', group);
        if (how) boost += FIELD_BOOSTS[field];
        if (how === 'exact') exact = true;
      }
      return { boost, exact };
    }),
  );
  const needBody = window.filter((m, i) => query.mode === 'any' || found[i]!.some((g, k) => !g.exact && groups[k]!.bodyTellsExact));
  const bodies = needBody.length
    ? new Map(
        statement<[string], [number, string]>(db, 'windowBodies')
          .raw()
          .all(JSON.stringify(needBody.map((m) => m.id))),
      )
    : new Map<number, string>();
  return window.map((m, i) => {
    const body = bodies.get(m.id);
    let weight = 0;
    for (const [k, group] of groups.entries()) {
      let { boost, exact } = found[i]![k]!;
      if (query.mode === 'all') {
        boost += FIELD_BOOSTS.body;
        if (!exact) exact = group.exactCertain || (group.bodyTellsExact && body?.includes(group.exact) === true);
      } else {
        const how = held(body ?? '', group);
        if (how) boost += FIELD_BOOSTS.body;
        if (how === 'exact') exact = true;
      }
      weight += group.rarity * boost * (exact ? 1 : group.weaker);
    }
    return { ...m, bm: -weight, score: weight * recencyBoost(m.published, now) };
  });
}

/** Best first; ties to the newer story, then the slug, so a page address always lists the same stories. */
function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || newestFirst(a.published, a.slug, b.published, b.slug);
}

/** Splits `total` over sections in proportion to a sample, largest remainders first, summing to `total`. */
function apportion(total: number, sample: readonly Match[]): Map<string, number> {
  const mix = new Map<string, number>();
  for (const m of sample) mix.set(m.section, (mix.get(m.section) ?? 0) + 1);
  const shares = [...mix].map(([section, n]) => ({ section, exact: (total * n) / sample.length }));
  const counts = new Map(shares.map((s) => [s.section, Math.floor(s.exact)]));
  let left = total - [...counts.values()].reduce((a, b) => a + b, 0);
  for (const s of shares.sort((a, b) => b.exact - Math.floor(b.exact) - (a.exact - Math.floor(a.exact)))) {
    if (left-- <= 0) break;
    counts.set(s.section, counts.get(s.section)! + 1);
  }
  return counts;
}

/** One ranked list, for all sections or one: exact, or windowed when it matches too many stories. */
type View = { total: number; ranked: Scored[]; exact: boolean; window?: { expr: string; from: number } };

function view(db: IndexDb, query: Query, base: MatchParams, indexed: number, section?: string): View & { sample: Match[] } {
  const expr = section ? `(${query.expr}) AND section : "${indexTerms(section).join(' ')}"` : query.expr;
  const count = section ? countIndexed(db, expr, NO_ROWID, base.cut) : indexed;
  if (count <= EXACT_LIMIT) {
    const matches = allMatches(db, { ...base, expr }).filter((m) => !section || m.section === section);
    const ranked = score(db, query, matches, base.now).sort(byScore);
    return { total: ranked.length, ranked, exact: true, sample: matches };
  }
  const newest = newestMatches(db, { ...base, expr, section, limit: WINDOW });
  const from = newest.length ? newest[newest.length - 1]!.id : base.cut;
  // Counting every match costs as much as ranking them: the total is the window's public matches
  // scaled by how many public stories there are against how many were published in its time span.
  const publicStories = countPublicStories(db, base.now);
  const scale = publicStories / Math.max(1, countPublicSince(db, rowidTime(from), base.now));
  const ranked = scoreWindow(db, query, newest, base.now, publicStories).sort(byScore);
  // A window that is not full holds every public match.
  const total = newest.length < WINDOW ? newest.length : Math.max(WINDOW, Math.round(newest.length * scale));
  return { total, ranked, exact: false, window: { expr, from }, sample: newest };
}

function emptyOutcome(terms: string[], page: number, matchedAll = true): SearchOutcome {
  return { terms, matchedAll, total: 0, bySection: new Map(), approximate: false, page, pageCount: 0, hits: [] };
}

/** Runs a query: every term must match (prefix and typo tolerant), else any term may. Public stories only. */
export function searchStories(db: IndexDb, request: SearchRequest): SearchOutcome {
  const perPage = request.perPage ?? DEFAULT_PER_PAGE;
  const page = request.page ?? 1;
  const validPage = Number.isInteger(page) && page >= 1;
  const now = request.now ?? Date.now();
  const terms = queryTerms(request.query);
  if (terms.length === 0) return emptyOutcome(terms, page);

  const words = vocabulary(db);
  const groups = terms.map((term) => expandTerm(words, term));
  const cut = rowidCut(now);
  let query: Query = { groups, mode: 'all', expr: combine(groups.map(groupQuery), 'all') };
  let indexed = countIndexed(db, query.expr, NO_ROWID, cut);
  if (indexed === 0 && groups.length > 1) {
    query = { groups, mode: 'any', expr: combine(groups.map(groupQuery), 'any') };
    indexed = countIndexed(db, query.expr, NO_ROWID, cut);
  }
  if (indexed === 0) return emptyOutcome(terms, page);

  const base: MatchParams = { expr: query.expr, cut, ...publicParams(now) };
  const all = view(db, query, base, indexed);
  const bySection = all.exact ? apportion(all.total, []) : apportion(all.total, all.sample);
  if (all.exact) for (const m of all.ranked) bySection.set(m.section, (bySection.get(m.section) ?? 0) + 1);
  let shown: View = all;
  if (request.section) {
    shown = view(db, query, base, indexed, request.section);
    if (shown.total > 0 || bySection.has(request.section)) bySection.set(request.section, shown.total);
  }

  const hits: SearchHit[] = [];
  // No results have no page to show; pageCount's one empty first page is a listing's notion.
  const start = validPage && shown.total > 0 ? pageOffset(page, shown.total, perPage) : undefined;
  if (start !== undefined) {
    let slice: Scored[] = shown.ranked.slice(start, start + perPage);
    if (slice.length < perPage && shown.window) {
      // Past the ranked window: older matches, newest first.
      const older = newestMatches(db, {
        ...base,
        expr: shown.window.expr,
        cut: shown.window.from,
        section: request.section,
        limit: perPage - slice.length,
        offset: Math.max(0, start - shown.ranked.length),
      });
      slice = [...slice, ...older.map((m) => ({ ...m, score: 0 }))];
    }
    const stories = storiesBySlug(
      db,
      slice.map((m) => m.slug),
    );
    const scores = new Map(slice.map((m) => [m.slug, m.score]));
    for (const story of stories) hits.push({ story, score: scores.get(story.slug) ?? 0 });
  }
  return {
    terms,
    matchedAll: query.mode === 'all',
    total: shown.total,
    bySection,
    approximate: !all.exact || !shown.exact,
    page,
    pageCount: shown.total > 0 ? pageCount(shown.total, perPage) : 0,
    hits,
  };
}
