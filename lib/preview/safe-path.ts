/**
 * The page to open after entering or leaving preview: only a path on this site, so the preview
 * link cannot be used to send someone elsewhere (no `//host`, `/\host`, schemes or control
 * characters). Returns undefined when the path is not acceptable; a missing path means the front page.
 */
export function safeSitePath(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined || raw === '') return '/';
  if (!raw.startsWith('/') || raw.startsWith('//') || /[\\\u0000-\u001f\u007f]/.test(raw)) return undefined;
  const base = 'http://site.invalid';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base) return undefined;
  return `${url.pathname}${url.search}${url.hash}`;
}
