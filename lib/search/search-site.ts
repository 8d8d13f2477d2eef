import type { IndexDb } from '@/lib/content/index/database';
import { contentDb } from '@/lib/content/index/runtime';
import { getAuthors, getSections } from '@/lib/content/queries';
import type { Story, Author, Section } from '@/lib/content/schema';
import { DEFAULT_PER_PAGE, searchStories } from './engine';
import { bodyPassage, highlight, type Segment } from './highlight';
import { matcherFor, normalizeTerm, termMatches } from './search-terms';
import { vocabularyPrefetched } from './vocabulary';
import type { SearchParams } from './params';

export type SearchResultView = {
  story: Story;
  section?: Section;
  title: Segment[];
  dek: Segment[];
  /** Author names, highlighted too: a search for a reporter's name matches their stories. */
  authors: Segment[][];
  /** A passage of the body, when the headline and dek do not show every word that matched. */
  passage?: Segment[];
};

export type SiteSearch = {
  params: SearchParams;
  sections: readonly Section[];
  /** False when no story had every word and the results match some of them. */
  matchedAll: boolean;
  total: number;
  /** Matches per section before the section filter, in navigation order, sections with none left out. */
  sectionCounts: { section: Section; count: number }[];
  /** Matches in all sections, for "All sections (n)". */
  totalAllSections: number;
  /** True when so many stories matched that the counts are estimates ("about 98,000"). */
  approximate: boolean;
  page: number;
  pageCount: number;
  /** A page number past the last page (or 0): the page says so instead of showing nothing. */
  pageOutOfRange: boolean;
  results: SearchResultView[];
};

/** Section and author records for the results (the content queries; tests pass their own). */
export type SiteLookups = {
  sections: readonly Section[];
  authors: (ids: readonly string[]) => Promise<Author[]>;
};

/** Everything the search page shows for a request: hits for the page, highlighted, and the counts. */
export async function searchSite(params: SearchParams, now: number = Date.now()): Promise<SiteSearch> {
  const [db, sections] = await Promise.all([contentDb(), getSections()]);
  return searchSiteIn(db, params, now, { sections, authors: getAuthors });
}

/** searchSite over a given index. */
export async function searchSiteIn(db: IndexDb, params: SearchParams, now: number, lookups: SiteLookups): Promise<SiteSearch> {
  const { sections } = lookups;
  // Right after a restart, the vocabulary may be on its way from a worker thread (vocabulary.ts).
  await vocabularyPrefetched(db);
  const outcome = searchStories(db, { query: params.q, section: params.section, page: params.page, now });
  // Marks what the index matched: the query words, their prefixes and near misses.
  const matches = matcherFor(outcome.terms);
  const results = await Promise.all(
    outcome.hits.map(async ({ story }) => {
      const title = highlight(story.title, matches);
      const dek = highlight(story.dek, matches);
      const authors = (await lookups.authors(story.authors)).map((a) => highlight(a.name, matches));
      // A query word that the headline, dek and byline do not show is explained by a passage of the
      // body around it, with every matched word marked.
      const shown = [title, dek, ...authors]
        .flat()
        .filter((s) => s.match)
        .map((s) => normalizeTerm(s.text) ?? '');
      const unshown = outcome.terms.filter((q) => !shown.some((w) => termMatches(q, w)));
      const passage = unshown.length ? bodyPassage(story.text, matcherFor(unshown), matches) : undefined;
      return { story, section: sections.find((s) => s.id === story.section), title, dek, authors, passage };
    }),
  );
  let totalAllSections = 0;
  for (const count of outcome.bySection.values()) totalAllSections += count;
  return {
    params,
    sections,
    matchedAll: outcome.matchedAll,
    total: outcome.total,
    sectionCounts: sections.map((section) => ({ section, count: outcome.bySection.get(section.id) ?? 0 })).filter((x) => x.count > 0),
    totalAllSections,
    approximate: outcome.approximate,
    page: params.page,
    pageCount: outcome.pageCount,
    pageOutOfRange: outcome.total > 0 && (params.page < 1 || params.page > outcome.pageCount),
    results,
  };
}

export const RESULTS_PER_PAGE = DEFAULT_PER_PAGE;
