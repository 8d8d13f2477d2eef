/** Stories per listing page (section, tag and author fronts). */
export const PAGE_SIZE = 20;

export type PageOf<T> = {
  items: T[];
  page: number;
  totalPages: number;
  totalItems: number;
};

/**
 * Reads a `/page/N` segment. Only plain whole numbers from 2 up are pages: "1" belongs at the
 * unnumbered address, and "02", "2.0", "-1" or "x" are not addresses we publish.
 */
export function parsePageNumber(raw: string): number | undefined {
  if (!/^[1-9]\d{0,5}$/.test(raw)) return undefined;
  const page = Number(raw);
  return page >= 2 ? page : undefined;
}

/** One page of items, or undefined when the page is beyond the last (a 404, not an empty page). */
export function paginate<T>(items: readonly T[], page: number, size = PAGE_SIZE): PageOf<T> | undefined {
  const totalPages = Math.max(1, Math.ceil(items.length / size));
  if (!Number.isInteger(page) || page < 1 || page > totalPages) return undefined;
  return { items: items.slice((page - 1) * size, page * size), page, totalPages, totalItems: items.length };
}

/** Page numbers to prerender for a listing beyond the first page. */
export function laterPages(count: number, size = PAGE_SIZE): number[] {
  const totalPages = Math.max(1, Math.ceil(count / size));
  return Array.from({ length: totalPages - 1 }, (_, i) => i + 2);
}
