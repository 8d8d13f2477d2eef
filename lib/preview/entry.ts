import { secretsMatch } from '@/lib/security/secrets';
import { safeSitePath } from '@/lib/security/safe-path';

export type PreviewEntry = { ok: true; path: string } | { ok: false; status: 400 | 401; message: string };

/**
 * Decides a request to /api/preview?secret=...&path=...: the secret must equal PREVIEW_SECRET
 * (constant time) and the path must be on this site. Without PREVIEW_SECRET, preview is off.
 */
export function checkPreviewEntry(params: URLSearchParams, expectedSecret: string | undefined): PreviewEntry {
  if (!secretsMatch(params.get('secret'), expectedSecret)) {
    return {
      ok: false,
      status: 401,
      message: expectedSecret
        ? 'Preview needs the right secret: /api/preview?secret=...&path=/articles/your-story'
        : 'Preview is switched off: PREVIEW_SECRET is not set on this server',
    };
  }
  const path = safeSitePath(params.get('path'));
  if (!path) return { ok: false, status: 400, message: 'path must be a page on this site starting with "/", e.g. /articles/your-story' };
  return { ok: true, path };
}
