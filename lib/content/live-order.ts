import { pageCount } from '@/lib/pagination';

/** Updates per page of a live story: pinned first, then newest first (ADR 0011). */
export const LIVE_PAGE_SIZE = 20;

export type UpdateStub = { id: string; timeMs: number; pinned: boolean };

/**
 * The order readers see a live story's updates in: pinned ones first, then the rest, each newest
 * first, ties by id so every page agrees. Each update is on exactly one page, so its anchor is unique.
 */
export function liveOrder<T extends UpdateStub>(updates: readonly T[]): T[] {
  return [...updates].sort(
    (a, b) => Number(b.pinned) - Number(a.pinned) || b.timeMs - a.timeMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** How many pages the ordered updates fill (an ended story with none still has its page). */
export function livePageCount(total: number): number {
  return pageCount(total, LIVE_PAGE_SIZE);
}

/** The page (1-based) of the update at `position` (0-based) in liveOrder. */
export function livePageOf(position: number): number {
  return Math.floor(position / LIVE_PAGE_SIZE) + 1;
}

/** The updates of page `page` of the ordered list. */
export function livePageSlice<T>(ordered: readonly T[], page: number): T[] {
  return ordered.slice((page - 1) * LIVE_PAGE_SIZE, page * LIVE_PAGE_SIZE);
}
