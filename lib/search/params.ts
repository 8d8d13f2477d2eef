import { normalizeQuery } from './search-terms';

export type RawSearchParams = Record<string, string | string[] | undefined>;

export type SearchParams = {
  /** Trimmed and capped; '' when nothing was asked. */
  q: string;
  /** A known section id, or undefined for all sections (an unknown id is ignored). */
  section?: string;
  /** 1-based; a value that is not a whole number reads as 1, one past the end is the caller's to report. */
  page: number;
};

/** The first value of a parameter given once or repeated (?q=a&q=b reads as "a"). */
function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

/** Reads /search?q=&section=&page= defensively: any input gives a usable request, never an error. */
export function parseSearchParams(raw: RawSearchParams, sectionIds: readonly string[]): SearchParams {
  const q = normalizeQuery(first(raw.q));
  const sectionValue = first(raw.section);
  const section = sectionIds.includes(sectionValue) ? sectionValue : undefined;
  const pageValue = first(raw.page).trim();
  // Digits only: "2" is page 2; "0" and "99999999999" are out of range; "abc", "-1" or "1.5" read as 1.
  const page = /^\d{1,15}$/.test(pageValue) ? Number(pageValue) : 1;
  return { q, section, page };
}

/** The search page's address for a query, leaving out defaults so each result page has one URL. */
export function searchPath({ q, section, page }: { q?: string; section?: string; page?: number } = {}): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (section) params.set('section', section);
  if (page && page > 1) params.set('page', String(page));
  const query = params.toString();
  return query ? `/search?${query}` : '/search';
}
