// Relative: next.config.ts loads this file without the @/ alias.
import { EMBED_FRAME_HOSTS } from '../mdx/embed';

/**
 * The live editor compiles and runs MDX in the browser, which needs 'unsafe-eval' (new Function).
 * This policy applies to that one page (next.config.ts); no other route gets eval.
 * 'unsafe-inline' scripts: Next's inline bootstrap scripts carry no nonce on this page.
 */
export const liveEditorCsp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  `frame-src ${EMBED_FRAME_HOSTS.join(' ')}`,
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');
