import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import compression from 'compression';
import { afterEach, describe, expect, it } from 'vitest';
import { absoluteUrls, buildCssReader, buildNotFoundReader, inlineCssInto, inlineStylesheets } from './inline-css.mjs';

const HREF = '/_next/static/chunks/0abc.css';
const LINK = `<link rel="stylesheet" href="${HREF}" data-precedence="next"/>`;
// Over compression's 1 kB threshold, as any real page is.
const CSS = `body{color:#111}.quote::before{content:"</style>"}${'.x{margin:0}'.repeat(100)}`;
const PAGE = `<!DOCTYPE html><html><head><meta charset="utf-8"/>${LINK}<title>Łukaszenka</title></head><body><p>Wałęsa</p></body></html>`;

// Next's prerendered not-found page, and the empty document it sends instead for notFound() in a
// page rendered on demand (the not-found page only in the script payload).
const NOT_FOUND = `<!DOCTYPE html><html lang="en-GB"><head>${LINK}<title>Page not found</title></head><body><h1>We can’t find that page</h1></body></html>`;
const ERROR_SHELL = `<!DOCTYPE html><html id="__next_error__"><head>${LINK}</head><body><div hidden=""></div><script>self.__next_f.push([1,"not found"])</script></body></html>`;

// A build directory holding one stylesheet and the not-found page, as `next build` leaves them.
function distDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'inline-css-'));
  mkdirSync(path.join(dir, 'static', 'chunks'), { recursive: true });
  writeFileSync(path.join(dir, 'static', 'chunks', '0abc.css'), CSS);
  mkdirSync(path.join(dir, 'server', 'app'), { recursive: true });
  writeFileSync(path.join(dir, 'server', 'app', '_not-found.html'), NOT_FOUND);
  return dir;
}

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.closeAllConnections();
});

// A real HTTP server on loopback arranged as deploy/server.mjs arranges it: compression outside,
// the inlining inside, and `send` standing in for Next's handler.
function serve(send: (res: ServerResponse) => void, options: { stripHydration?: boolean } = {}): Promise<number> {
  // Typed for Express, but plain Node middleware: what deploy/server.mjs gives it.
  const compress = compression() as unknown as (req: IncomingMessage, res: ServerResponse, next: () => void) => void;
  const dir = distDir();
  const readCss = buildCssReader(dir);
  const readNotFound = buildNotFoundReader(dir);
  const server = createServer((req, res) =>
    compress(req, res, () => {
      inlineCssInto(req, res, readCss, readNotFound, options);
      send(res);
    }),
  );
  servers.push(server);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function get(port: number, headers: Record<string, string> = {}, method = 'GET'): Promise<{ headers: IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/articles/x', method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        resolve({ headers: res.headers, body: (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8') });
      });
    })
      .on('error', reject)
      .end();
  });
}

const INLINED = `<link rel="stylesheet" href="${HREF}" data-precedence="next" disabled/><style>${CSS.replace('</style', '<\\/style')}</style>`;

describe('inlineStylesheets', () => {
  it('follows each of Next’s stylesheet links, disabled, with the stylesheet itself', () => {
    expect(inlineStylesheets(`<head>${LINK}</head>`, () => CSS)).toBe(`<head>${INLINED}</head>`);
  });

  it('keeps a link whose file it cannot read, and leaves any other link alone', () => {
    const other = '<link rel="stylesheet" href="https://elsewhere.example/x.css"/>';
    expect(inlineStylesheets(`${LINK}${other}`, () => undefined)).toBe(`${LINK}${other}`);
    expect(inlineStylesheets(other, () => CSS)).toBe(other);
  });
});

describe('absoluteUrls', () => {
  it('resolves the relative url()s against the stylesheet, and leaves absolute and data ones alone', () => {
    const css = `@font-face{src:url(../media/serif.woff2)format("woff2")}.a{background:url('./x.png?v=1#y')}.b{background:url(/icon.svg)}.c{background:url(data:image/png;base64,AA)}`;
    expect(absoluteUrls(css, HREF)).toBe(
      `@font-face{src:url(/_next/static/media/serif.woff2)format("woff2")}.a{background:url('/_next/static/chunks/x.png?v=1#y')}.b{background:url(/icon.svg)}.c{background:url(data:image/png;base64,AA)}`,
    );
  });
});

describe('buildCssReader', () => {
  it('reads only the build’s own CSS files, by name', () => {
    const read = buildCssReader(distDir());
    expect(read(HREF)).toBe(CSS);
    expect(read('/_next/static/chunks/../../../etc/passwd.css')).toBeUndefined();
    expect(read('/_next/static/media/font.css')).toBeUndefined();
    expect(read('/_next/static/chunks/missing.css')).toBeUndefined();
  });
});

describe('inlineCssInto', () => {
  it('inlines a whole page, compressed for a client that accepts gzip, with its length mended for one that does not', async () => {
    const port = await serve((res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-length', Buffer.byteLength(PAGE));
      res.end(PAGE);
    });
    const gzip = await get(port, { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.body).toBe(PAGE.replace(LINK, INLINED));
    const plain = await get(port);
    expect(plain.body).toBe(PAGE.replace(LINK, INLINED));
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(plain.body));
    const head = await get(port, {}, 'HEAD');
    expect(head.headers['content-length']).toBeUndefined();
  });

  it('holds a streamed page only until the end of its head, even split inside a tag or a character', async () => {
    const bytes = Buffer.from(PAGE);
    const cuts = [20, bytes.indexOf(Buffer.from('</head>')) + 3, bytes.indexOf(Buffer.from('ł')) + 1];
    const port = await serve((res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.flushHeaders();
      let from = 0;
      for (const cut of cuts) {
        res.write(bytes.subarray(from, cut));
        from = cut;
      }
      res.end(bytes.subarray(from));
    });
    expect((await get(port, { 'accept-encoding': 'gzip' })).body).toBe(PAGE.replace(LINK, INLINED));
  });

  it('answers a 404 sent as an empty error document with the prerendered not-found page, whole or streamed', async () => {
    const whole = await serve((res) => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.setHeader('content-length', Buffer.byteLength(ERROR_SHELL));
      res.end(ERROR_SHELL);
    });
    const expected = NOT_FOUND.replace(LINK, INLINED);
    const plain = await get(whole);
    expect(plain.body).toBe(expected);
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(expected));
    const streamed = await serve((res) => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      const at = ERROR_SHELL.indexOf('<body>');
      res.write(ERROR_SHELL.slice(0, at));
      res.write(ERROR_SHELL.slice(at, at + 20));
      res.end(ERROR_SHELL.slice(at + 20));
    });
    expect((await get(streamed, { 'accept-encoding': 'gzip' })).body).toBe(expected);
  });

  it('leaves a 404 with a rendered body, and a 200, as they are', async () => {
    const rendered = await serve((res) => {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(PAGE);
    });
    expect((await get(rendered)).body).toBe(PAGE.replace(LINK, INLINED));
    const ok = await serve((res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(ERROR_SHELL);
    });
    expect((await get(ok)).body).toBe(ERROR_SHELL.replace(LINK, INLINED));
  });

  it('passes anything but HTML through untouched', async () => {
    const port = await serve((res) => {
      res.setHeader('content-type', 'application/xml');
      res.end(PAGE);
    });
    expect((await get(port)).body).toBe(PAGE);
  });
});

describe('inlineCssInto on a reader page (stripHydration)', () => {
  // A page as Next writes it: its chunks preloaded and loaded, the runtime bootstrap, the RSC payload;
  // and what is ours: the theme script and JSON-LD.
  const PRELOAD = '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/1a.js"/>';
  const THEME = '<script>(function(){document.documentElement.dataset.js="1"})()</script>';
  const JSON_LD = '<script type="application/ld+json">{"@type":"NewsArticle"}</script>';
  const NEXT = [
    '<script src="/_next/static/chunks/1a.js" async=""></script>',
    '<script src="/_next/static/chunks/0poly.js" noModule=""></script>',
    '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]})</script>',
    '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
    `<script>self.__next_f.push([1,"1:\\"$Sreact.fragment\\"\\n${'x'.repeat(3000)}"])</script>`,
  ];
  const READER = `<!DOCTYPE html><html><head><meta charset="utf-8"/>${LINK}${PRELOAD}${THEME}<title>Łukaszenka</title></head><body><p>Wałęsa</p>${JSON_LD}${NEXT.join('')}</body></html>`;
  const WITHOUT = `<!DOCTYPE html><html><head><meta charset="utf-8"/>${INLINED}${THEME}<title>Łukaszenka</title></head><body><p>Wałęsa</p>${JSON_LD}</body></html>`;

  it('leaves out Next’s preloads, chunks, bootstrap and payload, keeps ours, and mends the length', async () => {
    const port = await serve(
      (res) => {
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('content-length', Buffer.byteLength(READER));
        res.end(READER);
      },
      { stripHydration: true },
    );
    const plain = await get(port);
    expect(plain.body).toBe(WITHOUT);
    expect(Number(plain.headers['content-length'])).toBe(Buffer.byteLength(WITHOUT));
    expect((await get(port, { 'accept-encoding': 'gzip' })).body).toBe(WITHOUT);
  });

  it('gives the same page however the stream is cut, even inside a script or a character', async () => {
    const bytes = Buffer.from(READER);
    // Every cut across the body's scripts, a few bytes apart, and one inside "ł".
    const starts = [bytes.indexOf(Buffer.from('</head>')) + 2, bytes.indexOf(Buffer.from('ł')) + 1];
    for (let cut = bytes.indexOf(Buffer.from(JSON_LD)); cut < bytes.length; cut += 97) starts.push(cut);
    for (const cut of starts) {
      const port = await serve(
        (res) => {
          res.setHeader('content-type', 'text/html; charset=utf-8');
          res.write(bytes.subarray(0, cut));
          res.end(bytes.subarray(cut));
        },
        { stripHydration: true },
      );
      expect((await get(port)).body, `cut at ${cut}`).toBe(WITHOUT);
    }
  });

  it('keeps React for Next’s error shells, which render only in the browser, but not for the not-found page that replaces one', async () => {
    const shell = await serve(
      (res) => {
        res.statusCode = 500;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(ERROR_SHELL);
      },
      { stripHydration: true },
    );
    expect((await get(shell)).body).toBe(ERROR_SHELL.replace(LINK, INLINED));
    const notFound = await serve(
      (res) => {
        res.statusCode = 404;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(ERROR_SHELL);
      },
      { stripHydration: true },
    );
    expect((await get(notFound)).body).toBe(NOT_FOUND.replace(LINK, INLINED));
  });

  it('leaves a page alone when not asked (the editors’ preview keeps React)', async () => {
    const port = await serve((res) => {
      res.setHeader('content-type', 'text/html; charset=utf-8');
      res.end(READER);
    });
    expect((await get(port)).body).toBe(READER.replace(LINK, INLINED));
  });
});
