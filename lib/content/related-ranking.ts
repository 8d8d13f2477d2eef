import type { Story } from './schema';
import { slugify } from './slug';
import { newestFirst } from './story-order';
import { topicTerms } from './topic-terms';

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
 * Ties go to the newer story, then the slug (story-order.ts, as listings and search).
 *
 * Candidates come from bounded lists (a term's strongest stories, a tag's newest, the section's
 * nearest in time), so ranking one story costs the same at 100 stories as at 100,000. The content
 * index serves those lists from SQLite (queries.ts); `buildRelatedModel` serves them from memory.
 */
export const WEIGHTS = { tags: 3, text: 2, section: 1, recency: 0.5 } as const;

/** Terms kept per story vector, and postings read per term (highest weight first). */
export const TERMS_PER_STORY = 16;
export const POSTINGS_PER_TERM = 30;
/** Body text read for similarity: the opening (about 300 words) says what a news story is about, and bounds cost. */
export const BODY_CHARS = 2000;
export const POSTINGS_PER_TAG = 120;
/** Same-section stories nearest in time considered even when they share no tag or word. */
export const SECTION_NEIGHBOURS = 12;
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

export type TermWeight = { term: string; weight: number };

/** A story as ranking sees it. */
export type RelatedSubject = {
  slug: string;
  section: string;
  publishedMs: number;
  tagKeys: readonly string[];
  vector: readonly TermWeight[];
};

/** Where candidates come from; every list is bounded, and only public stories are in them. */
export type CandidateSource = {
  /** The strongest POSTINGS_PER_TERM stories for a term. */
  termPostings(term: string): readonly { slug: string; weight: number }[];
  /** The newest POSTINGS_PER_TAG stories with a tag. */
  tagPostings(tagKey: string): readonly string[];
  /** How many stories carry the tag, and how many stories there are (for its IDF). */
  tagRarity(tagKey: string): { stories: number; total: number };
  /** The SECTION_NEIGHBOURS stories of the subject's section nearest to it in time. */
  sectionNeighbours(subject: RelatedSubject): readonly string[];
  /** Section and publication time of candidates. */
  describe(slugs: readonly string[]): ReadonlyMap<string, { section: string; publishedMs: number }>;
};

/** A tag's identity: its address (/tags/<key>), so "Defence" and "defence" are one tag. */
export function tagKey(tag: string): string {
  return slugify(tag);
}

/** Term counts of the text similarity reads: title twice, dek, and the body's opening. */
export function termFrequencies(story: Pick<Story, 'title' | 'dek' | 'text'>): Map<string, number> {
  const tf = new Map<string, number>();
  const add = (tokens: readonly string[], weight: number) => {
    for (const token of tokens) tf.set(token, (tf.get(token) ?? 0) + weight);
  };
  add(topicTerms(story.title), 2);
  add(topicTerms(story.dek), 1);
  add(topicTerms(story.text.slice(0, BODY_CHARS)), 1);
  return tf;
}

/** A story's TF-IDF vector, pruned to its strongest terms and normalised. */
export function termVector(tf: ReadonlyMap<string, number>, storiesWith: (term: string) => number, total: number): TermWeight[] {
  const weighted = [...tf].map(([term, count]) => ({
    term,
    weight: (1 + Math.log(count)) * Math.log(total / Math.max(1, storiesWith(term))),
  }));
  weighted.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
  const top = weighted.slice(0, TERMS_PER_STORY).filter((x) => x.weight > 0);
  const norm = Math.hypot(...top.map((x) => x.weight)) || 1;
  return top.map((x) => ({ term: x.term, weight: x.weight / norm }));
}

/**
 * How close in time two stories are, halving every HALF_LIFE_MS: a story from 2019 is best related
 * to others from 2019. Not search's recencyBoost (lib/search/engine.ts), which favours what is new today.
 */
export function closenessInTime(aMs: number, bMs: number): number {
  return Math.exp((-Math.abs(aMs - bMs) / HALF_LIFE_MS) * Math.LN2);
}

/** Nearest in time to `subjectMs` first, then by slug, so the section neighbours are one fixed list. */
export function byNearnessTo(subjectMs: number) {
  return (a: { slug: string; publishedMs: number }, b: { slug: string; publishedMs: number }) =>
    Math.abs(a.publishedMs - subjectMs) - Math.abs(b.publishedMs - subjectMs) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** The top `limit` related stories of one subject, from bounded candidate lists. */
export function rankRelated(subject: RelatedSubject, source: CandidateSource, limit = 5): RelatedScore[] {
  const text = new Map<string, number>();
  const tags = new Map<string, number>();
  const touch = (slug: string) => {
    if (!text.has(slug)) {
      text.set(slug, 0);
      tags.set(slug, 0);
    }
  };
  for (const { term, weight } of subject.vector) {
    for (const p of source.termPostings(term)) {
      touch(p.slug);
      text.set(p.slug, text.get(p.slug)! + weight * p.weight);
    }
  }
  const idf = (key: string) => {
    const { stories, total } = source.tagRarity(key);
    return Math.log(1 + total / Math.max(1, stories));
  };
  const ownTagWeight = subject.tagKeys.reduce((sum, k) => sum + idf(k), 0) || 1;
  for (const key of subject.tagKeys) {
    const share = idf(key) / ownTagWeight;
    for (const slug of source.tagPostings(key)) {
      touch(slug);
      tags.set(slug, tags.get(slug)! + share);
    }
  }
  for (const slug of source.sectionNeighbours(subject)) touch(slug);
  text.delete(subject.slug);

  const facts = source.describe([...text.keys()]);
  const scored: (RelatedScore & { publishedMs: number })[] = [];
  for (const [slug, textRaw] of text) {
    const info = facts.get(slug);
    if (!info) continue;
    const section = info.section === subject.section ? 1 : 0;
    const tagShare = round(Math.min(1, tags.get(slug)!));
    const textShare = round(Math.min(1, textRaw));
    if (tagShare === 0 && textShare < 0.05 && section === 0) continue;
    const recency = round(closenessInTime(info.publishedMs, subject.publishedMs));
    const score = round(
      WEIGHTS.tags * Math.min(1, tags.get(slug)!) +
        WEIGHTS.text * Math.min(1, textRaw) +
        WEIGHTS.section * section +
        WEIGHTS.recency * closenessInTime(info.publishedMs, subject.publishedMs),
    );
    scored.push({
      slug,
      topical: tagShare > 0 || textShare >= 0.05,
      score,
      tags: tagShare,
      text: textShare,
      section,
      recency,
      publishedMs: info.publishedMs,
    });
  }
  scored.sort(
    (a, b) => Number(b.topical) - Number(a.topical) || b.score - a.score || newestFirst(a.publishedMs, a.slug, b.publishedMs, b.slug),
  );
  return scored.slice(0, limit).map(({ publishedMs: _, ...score }) => score);
}

/**
 * The top `limit` related stories for every story in `stories` (which must be the public set),
 * with candidates from memory: for tests, benches and small sets. The site ranks from the index.
 */
export function buildRelatedModel(stories: readonly Story[], limit = 5): Map<string, RelatedScore[]> {
  const total = stories.length;
  const bySlug = new Map(stories.map((a) => [a.slug, a]));
  const time = (a: Story) => Date.parse(a.publishedAt);
  const tfs = new Map(stories.map((a) => [a.slug, termFrequencies(a)]));
  const df = new Map<string, number>();
  for (const tf of tfs.values()) for (const term of tf.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  const vectors = new Map([...tfs].map(([slug, tf]) => [slug, termVector(tf, (t) => df.get(t) ?? 0, total)]));

  const postings = new Map<string, { slug: string; weight: number }[]>();
  for (const [slug, vector] of vectors)
    for (const { term, weight } of vector) (postings.get(term) ?? postings.set(term, []).get(term)!).push({ slug, weight });
  for (const list of postings.values()) list.sort((a, b) => b.weight - a.weight || (a.slug < b.slug ? -1 : 1));
  const tagged = new Map<string, Story[]>();
  for (const a of stories) for (const key of new Set(a.tags.map(tagKey))) (tagged.get(key) ?? tagged.set(key, []).get(key)!).push(a);
  for (const list of tagged.values()) list.sort((a, b) => newestFirst(time(a), a.slug, time(b), b.slug));

  const source: CandidateSource = {
    termPostings: (term) => (postings.get(term) ?? []).slice(0, POSTINGS_PER_TERM),
    tagPostings: (key) => (tagged.get(key) ?? []).slice(0, POSTINGS_PER_TAG).map((a) => a.slug),
    tagRarity: (key) => ({ stories: tagged.get(key)?.length ?? 0, total }),
    sectionNeighbours: (subject) =>
      stories
        .filter((a) => a.section === subject.section && a.slug !== subject.slug)
        .map((a) => ({ slug: a.slug, publishedMs: time(a) }))
        .sort(byNearnessTo(subject.publishedMs))
        .slice(0, SECTION_NEIGHBOURS)
        .map((a) => a.slug),
    describe: (slugs) =>
      new Map(
        slugs.flatMap((slug) =>
          bySlug.has(slug) ? [[slug, { section: bySlug.get(slug)!.section, publishedMs: time(bySlug.get(slug)!) }]] : [],
        ),
      ),
  };
  const result = new Map<string, RelatedScore[]>();
  for (const a of stories) result.set(a.slug, rankRelated(relatedSubject(a, vectors.get(a.slug)!), source, limit));
  return result;
}

/** A story as ranking sees it, given its term vector. */
export function relatedSubject(story: Story, vector: readonly TermWeight[]): RelatedSubject {
  return {
    slug: story.slug,
    section: story.section,
    publishedMs: Date.parse(story.publishedAt),
    tagKeys: [...new Set(story.tags.map(tagKey))],
    vector,
  };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}
