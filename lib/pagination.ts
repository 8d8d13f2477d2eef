/** Stories per listing page (section, tag and author fronts). */
export const PAGE_SIZE = 20;

export type PageOf<T> = {
  items: T[];
  page: number;
  totalPages: number;
  totalItems: number;
};

/** Far past any listing's last page: a longer `/page/N` is refused before the content is asked. */
const MAX_LISTING_PAGE = 999_999;

/** A page number as written: plain digits, at most 15 so Number() reads them exactly; else undefined. */
function readDigits(raw: string): number | undefined {
  return /^\d{1,15}$/.test(raw) ? Number(raw) : undefined;
}

/**
 * Reads a `/page/N` segment. Only the spelling we publish is a page: a whole number from 2 up with
 * no leading zero. "1" belongs at the unnumbered address, and "02", "2.0", "-1" or "x" would be
 * second addresses for a page (or none at all).
 */
export function parsePageSegment(raw: string): number | undefined {
  const page = readDigits(raw);
  if (page === undefined || String(page) !== raw) return undefined;
  return page >= 2 && page <= MAX_LISTING_PAGE ? page : undefined;
}

/**
 * Reads search's `?page=`, which people edit by hand, so it forgives: surrounding spaces and
 * leading zeros are fine, anything that is not digits reads as page 1, and 0 or a page past the
 * end is kept for the caller to report.
 */
export function parsePageQuery(raw: string): number {
  return readDigits(raw.trim()) ?? 1;
}

/** How many pages `total` items fill; an empty listing still has its one (empty) first page. */
export function pageCount(total: number, size = PAGE_SIZE): number {
  return Math.max(1, Math.ceil(total / size));
}

/** Where page N starts among `total` items, or undefined when there is no page N (a 404, not an empty page). */
export function pageOffset(page: number, total: number, size = PAGE_SIZE): number | undefined {
  if (!Number.isInteger(page) || page < 1 || page > pageCount(total, size)) return undefined;
  return (page - 1) * size;
}
