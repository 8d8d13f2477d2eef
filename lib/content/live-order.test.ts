import { describe, expect, it } from 'vitest';
import { LIVE_PAGE_SIZE, liveOrder, livePageCount, livePageOf, livePageSlice } from './live-order';

const u = (id: string, timeMs: number, pinned = false) => ({ id, timeMs, pinned });

describe('the order of a live story’s updates', () => {
  it('puts pinned updates first, then the newest, with ties in id order on every page', () => {
    const ordered = liveOrder([u('b', 5), u('old-pin', 1, true), u('a', 5), u('newest', 9), u('new-pin', 3, true)]);
    expect(ordered.map((x) => x.id)).toEqual(['new-pin', 'old-pin', 'newest', 'a', 'b']);
  });

  it('pages by twenty, one page even with none, each update on exactly one page', () => {
    expect(LIVE_PAGE_SIZE).toBe(20);
    expect([0, 1, 20, 21, 40, 41].map(livePageCount)).toEqual([1, 1, 1, 2, 2, 3]);
    expect([0, 19, 20, 39, 40].map(livePageOf)).toEqual([1, 1, 2, 2, 3]);
    const all = Array.from({ length: 45 }, (_, i) => i);
    const pages = [1, 2, 3].map((p) => livePageSlice(all, p));
    expect(pages.map((p) => p.length)).toEqual([20, 20, 5]);
    expect(pages.flat()).toEqual(all);
  });
});
