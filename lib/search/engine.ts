import SearchableMap from 'minisearch/SearchableMap';
import type { Article, Author, Section } from '@/lib/content/schema';
import { countTerms, indexableText, MIN_PREFIX_LENGTH, maxTypos, queryTerms } from './text';

/*
 * The search index: an inverted index of per-field postings, scored with BM25, over MiniSearch's
 * radix tree for prefix and typo expansion (SearchableMap). MiniSearch's own search() builds an
 * object per matching story; a word found in most of 10,000 stories then costs 20-40 ms. Here a
 * match costs a few array reads and one addition (docs/architecture/0007-site-search.md).
 */

const FIELDS = ['title', 'dek', 'tags', 'authors', 'section', 'body'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_COUNT = FIELDS.length;

/** Where a word counts most: a headline match outranks one in the dek, tags or names, then the body. */
export const FIELD_BOOSTS: Record<Field, number> = {
  title: 4,
  dek: 2,
  tags: 2,
  authors: 2,
  section: 1,
  body: 1,
};
const BOOSTS = FIELDS.map((f) => FIELD_BOOSTS[f]);

/** BM25+ parameters (MiniSearch's defaults): term saturation, length normalisation, floor. */
const BM25 = { k: 1.2, b: 0.7, d: 0.5 };
/** How much a prefix or a typo match counts against the exact word (MiniSearch's defaults). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

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

/** One indexed story: what ranking reads for every match, kept flat and small. */
type Entry = {
  article: Article;
  /** Position in the postings; never reused while the index lives. */
  doc: number;
  slug: string;
  section: string;
  publishedMs: number;
  /** Section and author names as indexed, to take the story out again word for word. */
  names: { section: string; authors: string };
  /** Both names in one string: when it changes (a renamed author), the story is re-indexed. */
  namesKey: string;
};

/** A word's postings: per field, [doc, count, doc, count, ...] in doc order, and live document counts. */
type Postings = { lists: number[][]; df: number[] };

/** Every story matching a query, best first, before the section filter and pages are applied. */
type Ranking = {
  matchedAll: boolean;
  entries: Entry[];
  scores: number[];
  bySection: Map<string, number>;
  rankedAt: number;
};

export type SearchIndex = {
  entries: Map<string, Entry>;
  /** Entry by doc number; undefined once a story is removed or replaced (its postings stay, skipped). */
  docs: (Entry | undefined)[];
  /** Words per field per doc: fieldLengths[doc * FIELD_COUNT + field]. */
  fieldLengths: number[];
  /** Sum of the live docs' field lengths, for the average. */
  fieldTotals: number[];
  postings: Map<string, Postings>;
  /** Every indexed word, for prefix and typo expansion. */
  vocabulary: SearchableMap<true>;
  /** Recent rankings by query terms; emptied whenever the index changes. */
  rankings: Map<string, Ranking>;
  /** Bumped on every change: lets callers see whether an update did anything. */
  revision: number;
  /** Every section and author name the index was built with: when unchanged, no story was renamed. */
  namesKey: string;
};

/**
 * How many rankings are remembered, and for how long. Readers repeat searches (the next page of
 * results, a section filter, a name in the news); a minute keeps the recency boost current.
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

/** The words of each field of a story, counted. */
function fieldTerms(article: Article, names: { section: string; authors: string }): Map<string, number>[] {
  const texts: Record<Field, string> = {
    title: article.title,
    dek: article.dek,
    tags: article.tags.join(', '),
    authors: names.authors,
    section: names.section,
    body: indexableText(article.body),
  };
  return FIELDS.map((field) => countTerms(texts[field]));
}

function emptyIndex(): SearchIndex {
  return {
    entries: new Map(),
    docs: [],
    fieldLengths: [],
    fieldTotals: FIELDS.map(() => 0),
    postings: new Map(),
    vocabulary: new SearchableMap(),
    rankings: new Map(),
    revision: 0,
    namesKey: '',
  };
}

function addStory(index: SearchIndex, article: Article, context: SearchContext) {
  const names = indexedNames(article, context);
  const doc = index.docs.length;
  const entry: Entry = {
    article,
    doc,
    slug: article.slug,
    section: article.section,
    publishedMs: Date.parse(article.publishedAt),
    names: { section: names.section, authors: names.authors },
    namesKey: names.key,
  };
  index.docs.push(entry);
  index.entries.set(article.slug, entry);
  fieldTerms(article, names).forEach((counts, field) => {
    let length = 0;
    for (const [term, count] of counts) {
      length += count;
      let postings = index.postings.get(term);
      if (!postings) {
        postings = { lists: FIELDS.map(() => []), df: FIELDS.map(() => 0) };
        index.postings.set(term, postings);
        index.vocabulary.set(term, true);
      }
      postings.lists[field]!.push(doc, count);
      postings.df[field]!++;
    }
    index.fieldLengths[doc * FIELD_COUNT + field] = length;
    index.fieldTotals[field]! += length;
  });
}

/** Takes a story out of the counts; its postings stay, skipped, until the index is rebuilt. */
function removeStory(index: SearchIndex, entry: Entry) {
  // The story's words are recounted from the article it was indexed from, with the names it had.
  fieldTerms(entry.article, entry.names).forEach((counts, field) => {
    for (const term of counts.keys()) index.postings.get(term)!.df[field]!--;
    index.fieldTotals[field]! -= index.fieldLengths[entry.doc * FIELD_COUNT + field]!;
  });
  index.docs[entry.doc] = undefined;
  index.entries.delete(entry.slug);
}

/** Builds an index of `articles`, which the caller has already limited to what the public may see. */
export function buildSearchIndex(articles: readonly Article[], context: SearchContext): SearchIndex {
  const index = emptyIndex();
  for (const article of articles) addStory(index, article, context);
  index.namesKey = contextNames(context);
  return index;
}

function contextNames(context: SearchContext): string {
  const sections = context.sections.map((s) => `${s.id}=${s.name}`);
  const authors = [...context.authors.values()].map((a) => `${a.id}=${a.name}`);
  return [...sections, ...authors].join('\n');
}

/**
 * Brings an index up to date with a new set of public articles, in place: only stories that are
 * new, changed (the content store hands out a new object when a file changes) or renamed (their
 * section or author names changed) are re-indexed, and stories no longer public are removed.
 * When removed stories make up a quarter of the postings, the index is rebuilt without them.
 */
export function syncSearchIndex(index: SearchIndex, articles: readonly Article[], context: SearchContext) {
  const counts = { added: 0, replaced: 0, removed: 0 };
  const current = new Set<string>();
  // Checking each story's names costs more than the rest of an update: skip it when no name changed.
  const namesKey = contextNames(context);
  const renamed = namesKey !== index.namesKey;
  for (const article of articles) {
    current.add(article.slug);
    const previous = index.entries.get(article.slug);
    if (previous?.article === article && (!renamed || previous.namesKey === indexedNames(article, context).key)) continue;
    if (previous) {
      removeStory(index, previous);
      counts.replaced++;
    } else {
      counts.added++;
    }
    addStory(index, article, context);
  }
  for (const entry of [...index.entries.values()]) {
    if (current.has(entry.slug)) continue;
    removeStory(index, entry);
    counts.removed++;
  }
  if (counts.added || counts.replaced || counts.removed) {
    const revision = index.revision + 1;
    const dead = index.docs.length - index.entries.size;
    if (dead > 50 && dead * 4 > index.docs.length) Object.assign(index, buildSearchIndex(articles, context));
    index.rankings.clear();
    index.revision = revision;
  }
  index.namesKey = namesKey;
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

/**
 * The indexed words a query term stands for, with how much each counts: the word itself (1), words
 * it begins (from three letters) and words within its typo allowance, less the further they are.
 */
function expand(index: SearchIndex, term: string): Map<string, number> {
  const words = new Map<string, number>();
  if (index.postings.has(term)) words.set(term, 1);
  if (term.length >= MIN_PREFIX_LENGTH) {
    for (const word of index.vocabulary.atPrefix(term).keys()) {
      const extra = word.length - term.length;
      if (extra > 0) words.set(word, (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * extra));
    }
  }
  const typos = maxTypos(term);
  if (typos > 0) {
    for (const [word, [, distance]] of index.vocabulary.fuzzyGet(term, typos)) {
      if (distance > 0 && !words.has(word)) words.set(word, (FUZZY_WEIGHT * term.length) / (term.length + distance));
    }
  }
  return words;
}

/** Ranks every story that matches the terms: all of them, else (when none has all) any of them. */
function rank(index: SearchIndex, terms: readonly string[], now: number): Ranking {
  const docCount = index.docs.length;
  const live = index.entries.size;
  const raw = new Float64Array(docCount);
  const matched = new Uint32Array(docCount); // one bit per query term (MAX_QUERY_TERMS <= 31)
  const touched: number[] = [];
  const averages = index.fieldTotals.map((total) => total / Math.max(1, live));
  terms.forEach((term, t) => {
    const bit = 1 << t;
    for (const [word, weight] of expand(index, term)) {
      const { lists, df } = index.postings.get(word)!;
      for (let field = 0; field < FIELD_COUNT; field++) {
        const list = lists[field]!;
        const n = df[field]!;
        if (n <= 0) continue;
        // BM25+ per field, as MiniSearch scores it.
        const factor = weight * BOOSTS[field]! * Math.log(1 + (live - n + 0.5) / (n + 0.5));
        const average = averages[field]! || 1;
        for (let i = 0; i < list.length; i += 2) {
          const doc = list[i]!;
          if (index.docs[doc] === undefined) continue;
          const tf = list[i + 1]!;
          const norm = 1 - BM25.b + (BM25.b * index.fieldLengths[doc * FIELD_COUNT + field]!) / average;
          raw[doc] = raw[doc]! + factor * (BM25.d + (tf * (BM25.k + 1)) / (tf + BM25.k * norm));
          if (matched[doc] === 0) touched.push(doc);
          matched[doc] = matched[doc]! | bit;
        }
      }
    }
  });

  // Every word must match; only when no story has them all may any word.
  const all = (1 << terms.length) - 1;
  const someHaveAll = touched.some((doc) => matched[doc] === all);
  const bySection = new Map<string, number>();
  const found: number[] = [];
  const scores = new Float64Array(docCount);
  for (const doc of touched) {
    if (someHaveAll && matched[doc] !== all) continue;
    const entry = index.docs[doc]!;
    bySection.set(entry.section, (bySection.get(entry.section) ?? 0) + 1);
    // Stories matching more of the words rank higher (only differs when falling back to any word).
    scores[doc] = raw[doc]! * popCount(matched[doc]!) * recencyBoost(entry.publishedMs, now);
    found.push(doc);
  }
  // Ties are broken by date, then slug, so a page URL always shows the same stories.
  found.sort((a, b) => scores[b]! - scores[a]! || tieBreak(index.docs[a]!, index.docs[b]!));
  return {
    matchedAll: someHaveAll || touched.length === 0,
    entries: found.map((doc) => index.docs[doc]!),
    scores: found.map((doc) => scores[doc]!),
    bySection,
    rankedAt: now,
  };
}

/** Newer first, then by slug: equal scores must still have one order. */
function tieBreak(x: Entry, y: Entry): number {
  return y.publishedMs - x.publishedMs || (x.slug < y.slug ? -1 : 1);
}

function popCount(bits: number): number {
  let count = 0;
  for (let b = bits; b; b &= b - 1) count++;
  return count;
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
