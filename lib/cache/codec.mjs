// Plain JavaScript on purpose: `next start` loads the cache handler with Node's own loader, which
// cannot read TypeScript on Node 20. Types live in codec.d.mts.

/**
 * Cache values to JSON and back. Next's APP_PAGE values hold Buffers (rscData, segment data) and a
 * Map (segmentData); APP_ROUTE values a Buffer body. Plain JSON would turn a Buffer into
 * {type, data} and a Map into {}, so both are tagged on the way in and rebuilt on the way out.
 */
export function encode(value) {
  if (Buffer.isBuffer(value) || value instanceof Uint8Array) return { $buffer: Buffer.from(value).toString('base64') };
  if (value instanceof Map) return { $map: [...value].map(([k, v]) => [encode(k), encode(v)]) };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encode(v);
    return out;
  }
  return value;
}

export function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    if (typeof value.$buffer === 'string' && Object.keys(value).length === 1) return Buffer.from(value.$buffer, 'base64');
    if (Array.isArray(value.$map) && Object.keys(value).length === 1) return new Map(value.$map.map(([k, v]) => [decode(k), decode(v)]));
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = decode(v);
    return out;
  }
  return value;
}

export const serialize = (entry) => JSON.stringify(encode(entry));
export const deserialize = (text) => decode(JSON.parse(text));

/** Next's header that lists a page's cache tags (implicit ones like `_N_T_/articles/x` included). */
export const CACHE_TAGS_HEADER = 'x-next-cache-tags';

/** The tags an entry answers to: those it was stored with, its tags header, and the caller's. */
export function entryTags(entry, ctx) {
  const tags = new Set(entry.tags ?? []);
  const header = entry.value?.headers?.[CACHE_TAGS_HEADER];
  if (typeof header === 'string') for (const t of header.split(',')) if (t) tags.add(t);
  for (const t of ctx?.tags ?? []) tags.add(t);
  for (const t of ctx?.softTags ?? []) tags.add(t);
  return [...tags];
}

/**
 * What tag revalidations mean for an entry written at `lastModified`, the same rule as Next's
 * file-system cache: a tag expired after the entry was written makes it a miss (rendered before
 * it is served); a tag marked stale (revalidateTag with a profile) serves it once more while it
 * regenerates.
 */
export function tagVerdict(marks, lastModified, now) {
  let verdict = 'fresh';
  for (const mark of marks) {
    if (!mark) continue;
    if (typeof mark.expired === 'number' && mark.expired > lastModified && mark.expired <= now) return 'expired';
    if (typeof mark.stale === 'number' && mark.stale > lastModified) verdict = 'stale';
  }
  return verdict;
}

/** The mark revalidateTag(tag, durations) leaves, as Next's file-system cache records it. */
export function tagMark(existing, durations, now) {
  if (!durations) return { ...existing, expired: now };
  return { ...existing, stale: now, ...(durations.expire !== undefined ? { expired: now + durations.expire * 1000 } : {}) };
}

/** Two marks of one tag made apart (one while Redis was away): the later of each time. */
export function mergeMarks(a, b) {
  const later = (x, y) => (typeof x === 'number' && typeof y === 'number' ? Math.max(x, y) : (x ?? y));
  const stale = later(a?.stale, b?.stale);
  const expired = later(a?.expired, b?.expired);
  return { ...(stale !== undefined ? { stale } : {}), ...(expired !== undefined ? { expired } : {}) };
}
