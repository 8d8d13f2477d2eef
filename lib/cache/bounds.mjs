// What both ISR cache handlers (file-cache-handler.mjs, redis-cache-handler.mjs) agree on: how
// much they keep, and that an address with nothing at it costs no storage. docs/deploy.md.

/**
 * The most pages, feeds and crops a cache keeps, by count and by bytes; past either, the least
 * recently used go (they are rendered again when next asked for). Defaults fit a 10,000-story site
 * (about 70 kB a page); ISR_CACHE_MAX_ENTRIES and ISR_CACHE_MAX_MB change them.
 */
export function cacheBounds() {
  return {
    entries: positive(process.env.ISR_CACHE_MAX_ENTRIES, 20_000),
    bytes: positive(process.env.ISR_CACHE_MAX_MB, 1024) * 1024 * 1024,
  };
}

function positive(text, fallback) {
  const n = Number(text);
  return text && Number.isFinite(n) && n > 0 ? n : fallback;
}

/**
 * A page or route response for an address with nothing at it (a 404 from notFound(), or any 4xx).
 * Stored only where the cache already held that address: it then replaces a page that went away
 * (a deleted or unpublished story). Anywhere else, it would be a permanent entry per unknown URL
 * that any visitor can make; it is rendered per request instead (a few ms, content is in memory),
 * and a story published there later shows on its first request.
 */
export function isMissingPage(value) {
  return (
    (value?.kind === 'APP_PAGE' || value?.kind === 'APP_ROUTE' || value?.kind === 'PAGES') &&
    typeof value.status === 'number' &&
    value.status >= 400 &&
    value.status < 500
  );
}

/** Roughly how many bytes an entry takes: its HTML or body, RSC payload and segments. */
export function entryBytes(value) {
  let bytes = 512; // metadata and headers
  if (typeof value?.html === 'string') bytes += Buffer.byteLength(value.html);
  for (const part of [value?.rscData, value?.body]) if (part?.length) bytes += part.length;
  if (value?.segmentData) for (const [name, buffer] of value.segmentData) bytes += name.length + (buffer?.length ?? 0);
  return bytes;
}
