/**
 * Where editors read pages in preview (draft mode): `/preview/articles/x` shows `/articles/x` as
 * preview renders it. The public cache (deploy/nginx.conf) never serves this prefix and ignores
 * the draft-mode cookie everywhere else, so a forged cookie buys no uncached render. next.config.ts
 * rewrites the prefix away; no imports, so next.config.ts can load this file.
 */
export const PREVIEW_PREFIX = '/preview';

/** The live editor's address; its CSP is the only one that allows 'unsafe-eval' (editor-csp.ts). */
export const LIVE_EDITOR_PATH = `${PREVIEW_PREFIX}/editor`;

/** The preview address of a page on this site (`/` -> `/preview`); the live editor is already there. */
export function previewPath(sitePath: string): string {
  if (sitePath === PREVIEW_PREFIX || sitePath.startsWith(`${PREVIEW_PREFIX}/`)) return sitePath;
  return sitePath === '/' || sitePath.startsWith('/?') || sitePath.startsWith('/#')
    ? `${PREVIEW_PREFIX}${sitePath.slice(1)}`
    : `${PREVIEW_PREFIX}${sitePath}`;
}
