import type { Article, Section } from '@/lib/content/schema';
import { getAuthors, getSections } from '@/lib/content/queries';
import { DEFAULT_PER_PAGE, searchArticles } from './engine';
import { bodyPassage, highlight, type Segment } from './highlight';
import { matcherFor, normalizeTerm, termMatches } from './text';
import { getSearchIndex } from './store';
import type { SearchParams } from './params';

export type SearchResultView = {
  article: Article;
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
  page: number;
  pageCount: number;
  /** A page number past the last page (or 0): the page says so instead of showing nothing. */
  pageOutOfRange: boolean;
  results: SearchResultView[];
};

/** Everything the search page shows for a request: hits for the page, highlighted, and the counts. */
export async function searchSite(params: SearchParams, now: number = Date.now()): Promise<SiteSearch> {
  const [index, sections] = await Promise.all([getSearchIndex(now), getSections()]);
  const outcome = searchArticles(index, { query: params.q, section: params.section, page: params.page, now });
  // Marks what the index matched: the query words, their prefixes and near misses.
  const matches = matcherFor(outcome.terms);
  const results = await Promise.all(
    outcome.hits.map(async ({ article }) => {
      const title = highlight(article.title, matches);
      const dek = highlight(article.dek, matches);
      const authors = (await getAuthors(article.authors)).map((a) => highlight(a.name, matches));
      // A query word that the headline, dek and byline do not show is explained by a passage of the
      // body around it, with every matched word marked.
      const shown = [title, dek, ...authors].flat().filter((s) => s.match).map((s) => normalizeTerm(s.text) ?? '');
      const unshown = outcome.terms.filter((q) => !shown.some((w) => termMatches(q, w)));
      const passage = unshown.length ? bodyPassage(article.body, matcherFor(unshown), matches) : undefined;
      return { article, section: sections.find((s) => s.id === article.section), title, dek, authors, passage };
    }),
  );
  let totalAllSections = 0;
  for (const count of outcome.bySection.values()) totalAllSections += count;
  return {
    params,
    sections,
    matchedAll: outcome.matchedAll,
    total: outcome.total,
    sectionCounts: sections
      .map((section) => ({ section, count: outcome.bySection.get(section.id) ?? 0 }))
      .filter((x) => x.count > 0),
    totalAllSections,
    page: params.page,
    pageCount: outcome.pageCount,
    pageOutOfRange: outcome.total > 0 && (params.page < 1 || params.page > outcome.pageCount),
    results,
  };
}

export const RESULTS_PER_PAGE = DEFAULT_PER_PAGE;
