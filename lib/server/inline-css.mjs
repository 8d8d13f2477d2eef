// Every page's stylesheet, written into its HTML instead of linked (ADR 0006, "Inlined CSS").
// A linked stylesheet blocks the first paint on a second round trip, and on a slow phone link it
// shares the bandwidth with the preloaded fonts: measured, inlining takes about 150 ms off the
// headline's paint (bench/results.md, "Real browser"). Next's own `experimental.inlineCss` writes
// the CSS into the RSC payload as well, twice over, so it is done here, on the HTML only.
//
// The <link> stays, `disabled`: the browser does not fetch it, and React, finding it, counts the
// stylesheet as loaded when it hydrates instead of fetching it again. Plain .mjs, because
// deploy/server.mjs loads it with Node's own loader.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { hydrationStripper, withoutScriptPreloads } from './strip-hydration.mjs';

// A content-hashed build file: under chunks/ from Turbopack, css/ from webpack. No slash in the
// name, so nothing outside those folders.
const BUILD_CSS = /^\/_next\/static\/(?:chunks|css)\/[\w.-]+\.css$/;
// Next's own tag, as it writes it in the <head>.
const STYLESHEET = /<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"([^>]*?)\s*\/?>/g;

/**
 * The <head> with each of Next's stylesheet links followed by the stylesheet itself. `readCss`
 * gives a build file's text, or undefined when there is no such file (the link is then kept as it
 * is, so a page never loses its styles).
 */
export function inlineStylesheets(head, readCss) {
  return head.replace(STYLESHEET, (tag, href, attributes) => {
    const css = readCss(href);
    if (css === undefined) return tag;
    // A "</style" inside the CSS (only possible in a string) would end the element early.
    return `<link rel="stylesheet" href="${href}"${attributes} disabled/><style>${css.replaceAll('</style', '<\\/style')}</style>`;
  });
}

// A url() that is relative, so resolved against the stylesheet's own address (`../media/x.woff2`).
const RELATIVE_URL = /url\((['"]?)(?![a-z][\w+.-]*:|\/|#)([^'")]+)\1\)/gi;

/** The stylesheet's relative url()s made absolute: in the page, they would resolve against it. */
export function absoluteUrls(css, href) {
  return css.replace(RELATIVE_URL, (_match, quote, url) => {
    const resolved = new URL(url, `http://build${href}`);
    return `url(${quote}${resolved.pathname}${resolved.search}${resolved.hash}${quote})`;
  });
}

/** Reads a build CSS file (`/_next/static/...`) from the build directory, once: they are immutable. */
export function buildCssReader(distDir) {
  const files = new Map();
  return (href) => {
    if (!BUILD_CSS.test(href)) return undefined;
    if (!files.has(href)) {
      try {
        files.set(href, absoluteUrls(readFileSync(path.join(distDir, href.slice('/_next/'.length)), 'utf8'), href));
      } catch {
        files.set(href, undefined);
      }
    }
    return files.get(href);
  };
}

const HEAD_END = '</head>';

// Next answers notFound() in a page rendered on demand for a new slug (dynamicParams) with an
// empty document, `<html id="__next_error__">`, whose not-found page exists only in the RSC
// payload: without JavaScript a reader sees a blank page, and with it the page appears only after
// hydration. A known framework bug; an unmatched URL gets the prerendered not-found page instead.
const ERROR_SHELL = '<html id="__next_error__"';

/**
 * Next's own prerendered not-found page (`next build` writes it; Next serves it, byte for byte, for
 * a URL no route matches), read once; undefined when the build has none.
 */
export function buildNotFoundReader(distDir) {
  let page;
  return () => {
    if (page === undefined) {
      try {
        page = readFileSync(path.join(distDir, 'server', 'app', '_not-found.html'));
      } catch {
        page = null;
      }
    }
    return page ?? undefined;
  };
}

/**
 * Makes `res` inline the stylesheets of an HTML response before anything below it writes the
 * bytes out (compression, the socket). The head is held until its end is seen; everything after
 * passes through, so a streamed page still streams. Any other response passes through.
 * `stripHydration`: also leave out Next's scripts and RSC payload (strip-hydration.mjs), unless
 * the page is one of Next's error shells, which render only in the browser.
 */
export function inlineCssInto(req, res, readCss, readNotFound = () => undefined, { stripHydration = false } = {}) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return;
  // Client navigations fetch the RSC payload, never HTML.
  if (req.headers.rsc !== undefined || req.url?.startsWith('/_next/')) return;
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  let mode = 'undecided';
  let held = [];
  let stripper;

  const decide = () => {
    if (mode === 'undecided') mode = String(res.getHeader('content-type') ?? '').startsWith('text/html') ? 'holding' : 'passing';
  };
  const hold = (chunk, encoding) => {
    if (chunk !== undefined && chunk !== null)
      held.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));
  };
  // Bytes, not text, after the head: a chunk may end inside a character.
  const withInlineCss = (bytes) => {
    const at = bytes.indexOf(HEAD_END);
    if (at === -1) return stripper ? stripper.push(bytes) : bytes;
    const head = inlineStylesheets(bytes.subarray(0, at).toString('utf8'), readCss);
    const rest = bytes.subarray(at);
    if (!stripper) return Buffer.concat([Buffer.from(head), rest]);
    return Buffer.concat([stripper.push(Buffer.from(withoutScriptPreloads(head))), stripper.push(rest)]);
  };
  const release = () => {
    const bytes = Buffer.concat(held);
    held = [];
    const notFound = res.statusCode === 404 && bytes.includes(ERROR_SHELL) ? readNotFound() : undefined;
    if (stripHydration && !(notFound ?? bytes).includes(ERROR_SHELL)) {
      stripper = hydrationStripper();
      // Written in parts, the page can no longer keep a length given for it.
      if (!res.headersSent) res.removeHeader('content-length');
    }
    if (notFound) {
      // The rest of the empty document is dropped; its length no longer holds.
      mode = 'dropping';
      if (!res.headersSent) res.removeHeader('content-length');
      return stripper ? Buffer.concat([withInlineCss(notFound), stripper.flush()]) : withInlineCss(notFound);
    }
    mode = 'passing';
    return withInlineCss(bytes);
  };
  // What passes once the head is out: through the stripper when there is one.
  const passed = (chunk, encoding) =>
    Buffer.isBuffer(chunk) ? stripper.push(chunk) : stripper.push(Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8'));

  res.write = (chunk, encoding, callback) => {
    decide();
    if (mode === 'passing') {
      if (!stripper || chunk === undefined || chunk === null) return write(chunk, encoding, callback);
      return write(passed(chunk, encoding), typeof encoding === 'function' ? encoding : callback);
    }
    if (mode === 'dropping') {
      (typeof encoding === 'function' ? encoding : callback)?.();
      return true;
    }
    hold(chunk, encoding);
    const done = typeof encoding === 'function' ? encoding : callback;
    if (!Buffer.concat(held).includes(HEAD_END)) {
      done?.();
      return true;
    }
    return write(release(), done);
  };

  res.end = (chunk, encoding, callback) => {
    if (typeof chunk === 'function') return res.end(undefined, undefined, chunk);
    if (typeof encoding === 'function') return res.end(chunk, undefined, encoding);
    decide();
    if (mode === 'passing') {
      if (!stripper) return end(chunk, encoding, callback);
      const last = chunk === undefined || chunk === null ? Buffer.alloc(0) : passed(chunk, encoding);
      return end(Buffer.concat([last, stripper.flush()]), callback);
    }
    if (mode === 'dropping') return end(callback);
    hold(chunk, encoding);
    const hadLength = res.hasHeader('content-length');
    const released = release();
    const body = stripper ? Buffer.concat([released, stripper.flush()]) : released;
    // A whole page from the cache comes with its length, which the inlined CSS has changed. A HEAD
    // answer has no body to measure, so it goes without.
    if (!res.headersSent && hadLength) {
      if (req.method === 'HEAD') res.removeHeader('content-length');
      else res.setHeader('content-length', Buffer.byteLength(body));
    }
    return end(body, callback);
  };
}
