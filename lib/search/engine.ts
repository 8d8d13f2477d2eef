import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Article, Author, Section } from '@/lib/content/schema';
import { dampedIndexTerms, indexableText, indexTerms, MIN_PREFIX_LENGTH, maxTypos, queryTerms } from './text';

/** What one story contributes to the index; only the id is kept, the text lives in the content index. */
type SearchDocument = {
  id: string;
  title: string;
  dek: string;
  tags: string;
  section: string;
  authors: string;
  body: string;
};

const FIELDS = ['title', 'dek', 'tags', 'section', 'authors', 'body'] as const;

/** Where a word counts most: a headline match outranks one in the dek, tags or names, then the body. */
export const FIELD_BOOSTS: Record<(typeof FIELDS)[number], number> = {
  title: 4,
  dek: 2,
  tags: 2,
  authors: 2,
  section: 1,
  body: 1,
};

/**
 * Recency: a story's score is multiplied by 1 + RECENCY_WEIGHT / (1 + age / RECENCY_SCALE_DAYS).
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

/** Authors and sections, to index names rather than ids. */
export type SearchContext = {
  authors: ReadonlyMap<string, Author>;
  sections: readonly Section[];
};

// What ranking reads for every matching story, kept flat: at 10,000 matches, reading these from
// the (larger, variously shaped) Article objects costs more than the search itself.
type Entry = {
  article: Article;
  slug: string;
  section: string;
  publishedMs: number;
  /** Section and author names as indexed: when an author file changes, their stories are re-indexed. */
  names: string;
};

export type SearchIndex = {
  engine: MiniSearch<SearchDocument>;
  entries: Map<string, Entry>;
  /** Recent rankings by query terms; emptied whenever the index changes. */
  rankings: Map<string, Ranking>;
};

/** Every story matching a query, best first, before the section filter and pages are applied. */
type Ranking = {
  matchedAll: boolean;
  entries: Entry[];
  scores: number[];
  bySection: Map<string, number>;
  rankedAt: number;
};

/**
 * How many rankings are remembered, and for how long. Readers repeat searches (a name in the news,
 * the next page of results); a remembered ranking costs well under a millisecond to serve where a
 * word found in most stories costs tens of milliseconds to rank afresh. A minute keeps the recency
 * boost current; a list of 10,000 matches takes about 160 kB.
 */
const RANKINGS_KEPT = 100;
const RANKING_TTL_MS = 60_000;

/** Section and author names as indexed, and a key that changes when either does. */
function indexedNames(article: Article, context: SearchContext) {
  const section = context.sections.find((s) => s.id === article.section);
  const sectionText = section ? `${section.name} ${section.id}` : article.section;
  const authors = article.authors.map((id) => context.authors.get(id)?.name ?? id).join(', ');
  return { section: sectionText, authors, key: `${sectionText}\n${authors}` };
}

function toEntry(article: Article, context: SearchContext): { entry: Entry; document: SearchDocument } {
  const { section, authors, key } = indexedNames(article, context);
  return {
    entry: { article, slug: article.slug, section: article.section, publishedMs: Date.parse(article.publishedAt), names: key },
    document: {
      id: article.slug,
      title: article.title,
      dek: article.dek,
      tags: article.tags.join(', '),
      section,
      authors,
      body: indexableText(article.body),
    },
  };
}

function newEngine() {
  return new MiniSearch<SearchDocument>({
    fields: [...FIELDS],
    storeFields: [],
    // Words are normalised while splitting (one pass over the text); the body's repeats are damped.
    tokenize: (text, field) => (field === 'body' ? dampedIndexTerms(text) : indexTerms(text)),
    processTerm: (term) => term,
    searchOptions: {
      // Queries arrive as normalised terms (queryTerms), joined by spaces.
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
    },
  });
}

/** Builds an index of `articles`, which the caller has already limited to what the public may see. */
export function buildSearchIndex(articles: readonly Article[], context: SearchContext): SearchIndex {
  const engine = newEngine();
  const entries = new Map<string, Entry>();
  const documents: SearchDocument[] = [];
  for (const article of articles) {
    const { entry, document } = toEntry(article, context);
    entries.set(article.slug, entry);
    documents.push(document);
  }
  engine.addAll(documents);
  return { engine, entries, rankings: new Map() };
}

/**
 * Brings an index up to date with a new set of public articles, in place: only stories that are
 * new, changed (the content store hands out a new object when a file changes) or renamed (their
 * section or author names changed) are re-indexed, and stories no longer public are removed.
 * At 10,000 stories this takes milliseconds where a full rebuild takes about a second.
 */
export function syncSearchIndex(index: SearchIndex, articles: readonly Article[], context: SearchContext) {
  const counts = { added: 0, replaced: 0, removed: 0 };
  const current = new Set<string>();
  for (const article of articles) {
    current.add(article.slug);
    const previous = index.entries.get(article.slug);
    if (previous?.article === article && previous.names === indexedNames(article, context).key) continue;
    const { entry, document } = toEntry(article, context);
    if (previous) {
      index.engine.replace(document);
      counts.replaced++;
    } else {
      index.engine.add(document);
      counts.added++;
    }
    index.entries.set(article.slug, entry);
  }
  for (const slug of [...index.entries.keys()]) {
    if (current.has(slug)) continue;
    index.engine.discard(slug);
    index.entries.delete(slug);
    counts.removed++;
  }
  if (counts.added || counts.replaced || counts.removed) index.rankings.clear();
  return counts;
}

export const DEFAULT_PER_PAGE = 10;

export type SearchRequest = {
  query: string;
  /** A section id; stories from other sections are left out. */
  section?: string;
  /** 1-based. A page past the last returns no hits (pageCount says how many there are). */
  page?: number;
  perPage?: number;
  /** The clock for the recency boost (tests pin it). */
  now?: number;
  /** False ranks afresh even when a recent ranking for the same words is remembered (benchmarks). */
  reuseRanking?: boolean;
};

export type SearchHit = { article: Article; score: number };

export type SearchOutcome = {
  /** The query terms searched for (stop words dropped, at most MAX_QUERY_TERMS). */
  terms: string[];
  /** False when no story had every term and the results match any of them instead. */
  matchedAll: boolean;
  /** Matching stories in the chosen section (or all sections). */
  total: number;
  /** Matching stories per section id, before the section filter: for "3 in World" links. */
  bySection: Map<string, number>;
  page: number;
  pageCount: number;
  hits: SearchHit[];
};

function searchOptions(combineWith: 'AND' | 'OR'): SearchOptions {
  return {
    boost: FIELD_BOOSTS,
    combineWith,
    prefix: (term) => term.length >= MIN_PREFIX_LENGTH,
    fuzzy: (term) => maxTypos(term) || false,
  };
}

/** Ranks every story that matches the terms: all of them, else (when none has all) any of them. */
function rank(index: SearchIndex, terms: readonly string[], now: number): Ranking {
  const text = terms.join(' ');
  let matchedAll = true;
  let results = index.engine.search(text, searchOptions('AND'));
  if (results.length === 0 && terms.length > 1) {
    matchedAll = false;
    results = index.engine.search(text, searchOptions('OR'));
  }
  const bySection = new Map<string, number>();
  const entries: Entry[] = [];
  const scores: number[] = [];
  for (const result of results) {
    const entry = index.entries.get(result.id as string);
    if (!entry) continue;
    bySection.set(entry.section, (bySection.get(entry.section) ?? 0) + 1);
    // The recency boost multiplies the whole score, so it is applied here, once per story,
    // rather than through MiniSearch's boostDocument, which is called once per story per field.
    entries.push(entry);
    scores.push(result.score * recencyBoost(entry.publishedMs, now));
  }
  // Sort positions rather than objects (a word in most stories gives thousands of matches). Ties
  // are broken by date, then slug, so a page URL always shows the same stories.
  const order = Array.from(entries.keys());
  order.sort(
    (i, j) =>
      scores[j]! - scores[i]! ||
      entries[j]!.publishedMs - entries[i]!.publishedMs ||
      (entries[i]!.slug < entries[j]!.slug ? -1 : 1),
  );
  return {
    matchedAll,
    entries: order.map((i) => entries[i]!),
    scores: order.map((i) => scores[i]!),
    bySection,
    rankedAt: now,
  };
}

/** A remembered ranking for these terms when it is recent, else a new one (then remembered). */
function ranking(index: SearchIndex, terms: readonly string[], now: number, reuse: boolean): Ranking {
  const key = terms.join(' ');
  const kept = index.rankings.get(key);
  index.rankings.delete(key);
  if (reuse && kept && now - kept.rankedAt >= 0 && now - kept.rankedAt < RANKING_TTL_MS) {
    index.rankings.set(key, kept); // most recently used last
    return kept;
  }
  const fresh = rank(index, terms, now);
  index.rankings.set(key, fresh);
  if (index.rankings.size > RANKINGS_KEPT) index.rankings.delete(index.rankings.keys().next().value!);
  return fresh;
}

/** Runs a query: every term must match (prefix and typo tolerant), else any term may. */
export function searchArticles(index: SearchIndex, request: SearchRequest): SearchOutcome {
  const perPage = request.perPage ?? DEFAULT_PER_PAGE;
  const page = request.page ?? 1;
  const validPage = Number.isInteger(page) && page >= 1;
  const now = request.now ?? Date.now();
  const terms = queryTerms(request.query);
  if (terms.length === 0) return { terms, matchedAll: true, total: 0, bySection: new Map(), page, pageCount: 0, hits: [] };

  const { matchedAll, entries, scores, bySection } = ranking(index, terms, now, request.reuseRanking ?? true);
  let positions: number[] | undefined;
  if (request.section) {
    positions = [];
    for (let i = 0; i < entries.length; i++) if (entries[i]!.section === request.section) positions.push(i);
  }
  const total = positions ? positions.length : entries.length;
  const hits: SearchHit[] = [];
  if (validPage) {
    for (let n = (page - 1) * perPage; n < Math.min(total, page * perPage); n++) {
      const i = positions ? positions[n]! : n;
      hits.push({ article: entries[i]!.article, score: scores[i]! });
    }
  }
  return { terms, matchedAll, total, bySection, page, pageCount: Math.ceil(total / perPage), hits };
}
