import { parsePageQuery } from '@/lib/pagination';
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
  return { q, section, page: parsePageQuery(first(raw.page)) };
}
