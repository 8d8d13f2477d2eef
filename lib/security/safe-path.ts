/**
 * Paths on this site: the one rule for where a redirect may send a reader (preview) and for what
 * an image `src` may name (front matter and `<Figure>`). Browsers read `//host` and `/\host` as
 * another site, and drop tabs and newlines before reading, so a path is on this site only when it
 * starts with exactly one `/`, followed by neither `/` nor `\`, and has no control characters.
 */
export function isSameOriginPath(value: string): boolean {
  return /^\/(?![/\\])/.test(value) && !CONTROL.test(value);
}

// C0 controls and DEL: URL parsers drop or stop at them.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * The page to open after entering or leaving preview, or undefined when `raw` is not a path on
 * this site; a missing path means the front page. The *result* is checked, not only the input:
 * URL parsing folds `/./`, `/%2e/` and `/a/../` away, so `/.//evil.example` becomes `//evil.example`.
 */
export function safeSitePath(raw: string | null | undefined): string | undefined {
  if (raw === null || raw === undefined || raw === '') return '/';
  if (!isSameOriginPath(raw) || raw.includes('\\')) return undefined;
  const base = 'http://site.invalid';
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return undefined;
  }
  if (url.origin !== base) return undefined;
  const result = `${url.pathname}${url.search}${url.hash}`;
  return isSameOriginPath(result) ? result : undefined;
}

/** What an image path must look like, for editors' messages. */
export const IMAGE_PATH_RULE = 'an image path under public/ starting with "/" (e.g. /images/story.jpg)';

/**
 * An image under public/ named canonically: a same-origin path whose segments are plain names
 * (no empty, `.` or `..` segment, no dot-folder, no backslash, no `%`, `?` or `#`). One spelling
 * per file, so every optimised copy is made once (proxy.ts) and every picture's renditions once
 * (lib/content/index/picture-rows.ts).
 */
export function isImagePath(value: string): boolean {
  if (!isSameOriginPath(value) || /[\\%?#]/.test(value)) return false;
  return value
    .slice(1)
    .split('/')
    .every((segment) => segment !== '' && !segment.startsWith('.'));
}

/**
 * The one spelling of a raw (still percent-encoded) path: dot segments resolved (`/./`, `/a/../`,
 * `/%2e/`), each segment encoded as encodeURI writes it (`%2D` reads `-`, `%c3%a9` reads `%C3%A9`).
 * Next keys its cache by the decoded path, but a cache in front (nginx) keys what was sent, so
 * every other spelling would be one more copy. A segment holding an encoded `/`, `\`, `?` or `#`
 * stays as sent: nothing else spells it. The result may leave the site (`/.//host` gives `//host`):
 * check it with isSameOriginPath before sending anyone there.
 */
export function canonicalPath(rawPath: string): string {
  const resolved = new URL(`http://site.invalid${rawPath}`).pathname;
  return resolved
    .split('/')
    .map((segment) => {
      const decoded = decodeURIComponent(segment);
      return /[/\\?#]/.test(decoded) ? segment : encodeURI(decoded);
    })
    .join('/');
}
