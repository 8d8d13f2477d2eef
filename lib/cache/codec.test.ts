import { describe, expect, it } from 'vitest';
import { deserialize, entryTags, serialize, tagMark, tagVerdict } from './codec.mjs';

describe('cache entry codec', () => {
  it('round-trips an APP_PAGE value with Buffers and a Map of segment Buffers', () => {
    const value = {
      kind: 'APP_PAGE',
      html: '<html>é</html>',
      rscData: Buffer.from([0, 1, 2, 255]),
      headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/articles/x' },
      status: 200,
      postponed: undefined,
      segmentData: new Map([
        ['/_tree', Buffer.from('tree')],
        ['/_index', Buffer.from([9, 8, 7])],
      ]),
    };
    const back = deserialize(serialize({ value, lastModified: 42, tags: ['a'] }));
    const page = back.value as typeof value;
    expect(Buffer.isBuffer(page.rscData)).toBe(true);
    expect([...page.rscData]).toEqual([0, 1, 2, 255]);
    expect(page.segmentData).toBeInstanceOf(Map);
    expect(page.segmentData.get('/_index')).toEqual(Buffer.from([9, 8, 7]));
    expect(page.html).toBe('<html>é</html>');
    expect(back.lastModified).toBe(42);
  });

  it('round-trips an APP_ROUTE Buffer body and leaves look-alike plain objects alone', () => {
    const value = { kind: 'APP_ROUTE', body: Buffer.from('<rss/>'), other: { $buffer: 'x', y: 1 } };
    const back = deserialize(serialize({ value, lastModified: 1 })).value as typeof value;
    expect(back.body.toString()).toBe('<rss/>');
    expect(back.other).toEqual({ $buffer: 'x', y: 1 });
  });
});

describe('tag revalidation', () => {
  it('collects tags from the entry, its tags header and the request', () => {
    const entry = { value: { headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/world' } }, lastModified: 1, tags: ['t'] };
    expect(entryTags(entry, { softTags: ['_N_T_/world', 's'] }).sort()).toEqual(['_N_T_/layout', '_N_T_/world', 's', 't']);
  });

  it('an entry older than a tag expiry is a miss; newer is fresh; stale marks keep it for one more serve', () => {
    const now = 10_000;
    expect(tagVerdict([tagMark(undefined, undefined, 5_000)], 4_000, now)).toBe('expired');
    expect(tagVerdict([tagMark(undefined, undefined, 5_000)], 6_000, now)).toBe('fresh');
    expect(tagVerdict([null, undefined], 6_000, now)).toBe('fresh');
    expect(tagVerdict([tagMark(undefined, {}, 5_000)], 4_000, now)).toBe('stale');
    // An expiry in the future (revalidateTag with a profile) is only stale until it passes.
    expect(tagVerdict([tagMark(undefined, { expire: 60 }, 5_000)], 4_000, now)).toBe('stale');
    expect(tagVerdict([tagMark(undefined, { expire: 1 }, 5_000)], 4_000, now)).toBe('expired');
  });
});
