import type { Article } from './schema';
import { tokenize } from './text';

/**
 * Related stories, explainable: every candidate gets a score made of four named parts.
 *
 * - tags: shared tags weighted by rarity (IDF), as a share of the story's own tag weight (0..1);
 * - text: TF-IDF cosine similarity of title (counted twice), dek and the body's opening (0..1);
 * - section: 1 when both stories are in the same section;
 * - recency: closeness in publication time, halving every 180 days (0..1).
 *
 * score = 3 tags + 2 text + 1 section + 0.5 recency. Stories that share a tag or words (topical) come
 * first; stories related only by section fill the list when there are too few topical ones.
 * Ties go to the newer story, then the slug.
 * Built once per content index with inverted indexes (term -> stories, tag -> stories), so the cost
 * grows with the number of stories times a fixed number of terms and postings, never with pairs.
 */
export const WEIGHTS = { tags: 3, text: 2, section: 1, recency: 0.5 } as const;

/** Terms kept per story vector, and postings read per term (highest weight first). */
const TERMS_PER_STORY = 16;
const POSTINGS_PER_TERM = 30;
/** Body text read for similarity: the opening (about 300 words) says what a news story is about, and bounds cost. */
const BODY_CHARS = 2000;
const POSTINGS_PER_TAG = 120;
/** Same-section stories nearest in time considered even when they share no tag or word. */
const SECTION_NEIGHBOURS = 12;
const HALF_LIFE_MS = 180 * 24 * 3600 * 1000;

export type RelatedScore = {
  slug: string;
  /** Shares a tag or words with the story; others are section fillers. */
  topical: boolean;
  score: number;
  tags: number;
  text: number;
  section: number;
  recency: number;
};

type Postings = { docs: Int32Array; weights: Float64Array };

/** The top `limit` related stories for every article in `articles` (which must be the public set). */
export function buildRelatedModel(articles: readonly Article[], limit = 5): Map<string, RelatedScore[]> {
  const n = articles.length;
  const times = Float64Array.from(articles, (a) => Date.parse(a.publishedAt));

  // TF-IDF vectors, pruned to each story's strongest terms.
  const termFreqs = articles.map(termFrequencies);
  const df = new Map<string, number>();
  for (const tf of termFreqs) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const vectors = termFreqs.map((tf) => {
    const weighted = [...tf].map(([term, count]) => ({ term, weight: (1 + Math.log(count)) * Math.log(n / df.get(term)!) }));
    weighted.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
    const top = weighted.slice(0, TERMS_PER_STORY).filter((x) => x.weight > 0);
    const norm = Math.hypot(...top.map((x) => x.weight)) || 1;
    return top.map((x) => ({ term: x.term, weight: x.weight / norm }));
  });
  // Inverted index: term -> stories, strongest first, as flat typed arrays for a tight inner loop.
  const lists = new Map<string, { doc: number; weight: number }[]>();
  vectors.forEach((vector, doc) => {
    for (const { term, weight } of vector) (lists.get(term) ?? lists.set(term, []).get(term)!).push({ doc, weight });
  });
  const postings = new Map<string, Postings>();
  for (const [term, list] of lists) {
    list.sort((a, b) => b.weight - a.weight || a.doc - b.doc);
    const kept = list.slice(0, POSTINGS_PER_TERM);
    postings.set(term, { docs: Int32Array.from(kept, (p) => p.doc), weights: Float64Array.from(kept, (p) => p.weight) });
  }

  // Tags: case-insensitive, weighted by rarity; postings newest first.
  const tagKeys = articles.map((a) => [...new Set(a.tags.map((t) => t.toLowerCase()))]);
  const tagDocs = new Map<string, number[]>();
  tagKeys.forEach((keys, doc) => keys.forEach((k) => (tagDocs.get(k) ?? tagDocs.set(k, []).get(k)!).push(doc)));
  for (const docs of tagDocs.values()) docs.sort((a, b) => times[b]! - times[a]!);
  const tagIdf = (key: string) => Math.log(1 + n / tagDocs.get(key)!.length);

  // Sections: stories ordered by time, so the nearest neighbours of a story are a short walk away.
  const sectionDocs = new Map<string, number[]>();
  articles.forEach((a, doc) => (sectionDocs.get(a.section) ?? sectionDocs.set(a.section, []).get(a.section)!).push(doc));
  for (const docs of sectionDocs.values()) docs.sort((a, b) => times[a]! - times[b]! || a - b);
  const positionInSection = new Int32Array(n);
  const sectionOf = Int32Array.from(articles, (a) => [...sectionDocs.keys()].indexOf(a.section));
  for (const docs of sectionDocs.values()) docs.forEach((doc, pos) => (positionInSection[doc] = pos));

  const textScore = new Float64Array(n);
  const tagScore = new Float64Array(n);
  const total = new Float64Array(n);
  const topical = new Uint8Array(n);
  const seen = new Uint32Array(n);
  const result = new Map<string, RelatedScore[]>();
  /** > 0 when story a ranks above story b: topical first, then score, newer, slug. */
  const compare = (a: number, b: number) =>
    topical[a]! - topical[b]! || total[a]! - total[b]! || times[a]! - times[b]! || (articles[a]!.slug < articles[b]!.slug ? 1 : -1);

  const touched = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const stamp = i + 1;
    let count = 0;
    // Inlined "touch": reset a story's accumulators the first time this subject reaches it.
    for (const { term, weight } of vectors[i]!) {
      const { docs, weights } = postings.get(term)!;
      for (let p = 0; p < docs.length; p++) {
        const doc = docs[p]!;
        if (seen[doc] !== stamp) {
          seen[doc] = stamp;
          textScore[doc] = 0;
          tagScore[doc] = 0;
          touched[count++] = doc;
        }
        textScore[doc] = textScore[doc]! + weight * weights[p]!;
      }
    }
    const ownTagWeight = tagKeys[i]!.reduce((sum, k) => sum + tagIdf(k), 0) || 1;
    for (const key of tagKeys[i]!) {
      const idf = tagIdf(key) / ownTagWeight;
      const docs = tagDocs.get(key)!;
      for (let p = 0; p < docs.length && p < POSTINGS_PER_TAG; p++) {
        const doc = docs[p]!;
        if (seen[doc] !== stamp) {
          seen[doc] = stamp;
          textScore[doc] = 0;
          tagScore[doc] = 0;
          touched[count++] = doc;
        }
        tagScore[doc] = tagScore[doc]! + idf;
      }
    }
    const neighbours = sectionDocs.get(articles[i]!.section)!;
    const at = positionInSection[i]!;
    for (let lo = at - 1, hi = at + 1, taken = 0; taken < SECTION_NEIGHBOURS && (lo >= 0 || hi < neighbours.length); taken++) {
      const before = lo >= 0 ? times[i]! - times[neighbours[lo]!]! : Infinity;
      const after = hi < neighbours.length ? times[neighbours[hi]!]! - times[i]! : Infinity;
      const doc = before <= after ? neighbours[lo--]! : neighbours[hi++]!;
      if (seen[doc] !== stamp) {
        seen[doc] = stamp;
        textScore[doc] = 0;
        tagScore[doc] = 0;
        touched[count++] = doc;
      }
    }

    // Score every touched story and keep only the best `limit` (insertion into a short list).
    const best: number[] = [];
    const ownSection = sectionOf[i]!;
    const ownTime = times[i]!;
    for (let t = 0; t < count; t++) {
      const doc = touched[t]!;
      if (doc === i) continue;
      const section = sectionOf[doc] === ownSection ? 1 : 0;
      const tags = Math.min(1, tagScore[doc]!);
      const text = Math.min(1, textScore[doc]!);
      if (tags === 0 && text < 0.05 && section === 0) continue;
      const isTopical = tags > 0 || text >= 0.05 ? 1 : 0;
      const partial = WEIGHTS.tags * tags + WEIGHTS.text * text + WEIGHTS.section * section;
      // Most touched stories cannot reach the list even with full recency: skip the rest of the work.
      if (best.length === limit) {
        const worst = best[limit - 1]!;
        if (isTopical < topical[worst]! || (isTopical === topical[worst] && partial + WEIGHTS.recency < total[worst]!)) continue;
      }
      const recency = Math.exp((-Math.abs(times[doc]! - ownTime) / HALF_LIFE_MS) * Math.LN2);
      topical[doc] = isTopical;
      total[doc] = round(partial + WEIGHTS.recency * recency);
      if (best.length === limit && compare(doc, best[limit - 1]!) <= 0) continue;
      let pos = best.length === limit ? limit - 1 : best.length;
      while (pos > 0 && compare(doc, best[pos - 1]!) > 0) {
        best[pos] = best[pos - 1]!;
        pos--;
      }
      best[pos] = doc;
    }
    result.set(
      articles[i]!.slug,
      best.map((doc) => ({
        slug: articles[doc]!.slug,
        topical: topical[doc] === 1,
        tags: round(Math.min(1, tagScore[doc]!)),
        text: round(Math.min(1, textScore[doc]!)),
        section: sectionOf[doc] === ownSection ? 1 : 0,
        recency: round(Math.exp((-Math.abs(times[doc]! - ownTime) / HALF_LIFE_MS) * Math.LN2)),
        score: total[doc]!,
      })),
    );
  }
  return result;
}

/** Term counts per article object; unchanged articles keep their object across index rebuilds. */
const termCache = new WeakMap<Article, Map<string, number>>();

function termFrequencies(article: Article): Map<string, number> {
  const cached = termCache.get(article);
  if (cached) return cached;
  const tf = new Map<string, number>();
  const add = (tokens: readonly string[], weight: number) => {
    for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + weight);
  };
  add(tokenize(article.title), 2);
  add(tokenize(article.dek), 1);
  add(tokenize(article.body.slice(0, BODY_CHARS)), 1);
  termCache.set(article, tf);
  return tf;
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
