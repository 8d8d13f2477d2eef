/**
 * Whether a raw (still percent-encoded) path decodes as UTF-8. Next decodes route parameters with
 * decodeURIComponent and answers a malformed one (`%ff`, `%zz`, a lone `%`) with a 500; such a
 * path can only come from a broken or hostile client, so proxy.ts answers it with a 400 first.
 */
export function isDecodablePath(rawPath: string): boolean {
  try {
    decodeURIComponent(rawPath);
    return true;
  } catch {
    return false;
  }
}

/** The raw path of a request URL, without query: what the client sent, not normalised. */
export function rawPathOf(url: string): string {
  const afterOrigin = url.replace(/^[a-z]+:\/\/[^/]*/i, '');
  const end = afterOrigin.search(/[?#]/);
  return end === -1 ? afterOrigin : afterOrigin.slice(0, end);
}

/**
 * Pages are read, never written: only GET and HEAD (and OPTIONS, which Next answers itself). The
 * site has no server actions, so a write to a page gets a 405. proxy.ts asks only for requests
 * that carry a body. Routes under /api/ declare their own methods.
 */
export function methodAllowed(method: string, rawPath: string): boolean {
  if (rawPath === '/api' || rawPath.startsWith('/api/')) return true;
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}
