import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';

/** One request of the hostile list: sent byte for byte (no URL normalisation, unlike fetch). */
export type HostileRequest = {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** Why the request is in the list, shown when it fails. */
  label: string;
};

export type RawResponse = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/**
 * Sends a request with node:http, which writes the path exactly as given: `..`, `%2e%2e` and `%00`
 * reach the server as a client on the internet would send them.
 */
export function sendRaw(base: string, req: HostileRequest): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const client = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        method: req.method,
        path: req.path,
        // A body goes with its length unless the request says it is chunked.
        headers: {
          ...(req.body && !req.headers?.['transfer-encoding'] ? { 'content-length': String(req.body.length) } : {}),
          ...req.headers,
        },
        timeout: 30_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('latin1') }));
        res.on('error', reject);
      },
    );
    client.on('timeout', () => client.destroy(new Error(`timeout: ${req.label}`)));
    client.on('error', (e: NodeJS.ErrnoException) => {
      // The server may answer (e.g. 413) and close before reading an oversized body.
      if (e.code === 'EPIPE' || e.code === 'ECONNRESET') reject(new Error(`connection reset: ${req.label}`));
      else reject(e);
    });
    if (req.body) client.end(req.body);
    else client.end();
  });
}

/**
 * A request with no body and no body headers at all, as `curl -X DELETE` sends it (node:http adds
 * `Content-Length: 0`). Only the status line and headers of the answer are read.
 */
export function sendBare(base: string, method: string, path: string): Promise<Omit<RawResponse, 'body'>> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: url.hostname, port: Number(url.port) });
    let head = '';
    socket.setTimeout(30_000, () => socket.destroy(new Error(`timeout: ${method} ${path}`)));
    socket.on('connect', () => socket.write(`${method} ${path} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`));
    socket.on('data', (chunk: Buffer) => {
      head += chunk.toString('latin1');
      const end = head.indexOf('\r\n\r\n');
      if (end === -1) return;
      socket.destroy();
      const [statusLine, ...lines] = head.slice(0, end).split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const colon = line.indexOf(':');
        headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
      }
      resolve({ status: Number(statusLine!.split(' ')[1]), headers });
    });
    socket.on('error', reject);
  });
}

const SEGMENTS = [
  '..%2f..%2f..%2fetc%2fpasswd',
  '..%2F..%2F..%2F..%2Fetc%2Fpasswd',
  '%2e%2e/%2e%2e/%2e%2e/etc/passwd',
  '%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '..%252f..%252f..%252fetc%252fpasswd',
  '....//....//....//etc/passwd',
  '..%5c..%5c..%5cetc%5cpasswd',
  '..\\..\\..\\etc\\passwd',
  '../../../../etc/passwd',
  '%c0%ae%c0%ae/%c0%ae%c0%ae/etc/passwd',
  '..%2f..%2fpackage.json',
  '..%2f..%2fnext.config.ts',
  '..%2f..%2f.env',
  '..%2farticles%2fardmoor-participatory-budget',
  '%00',
  'x%00.mdx',
  '..%00/etc/passwd',
  'x'.repeat(5000),
  '%41'.repeat(1500),
  '%ff',
  '%ff%fe%fd',
  '%c3%28',
  '%e2%82',
  '%',
  '%zz',
  encodeURIComponent('مرحبا-بالعالم'),
  encodeURIComponent('\u202eevil\u202c'),
  encodeURIComponent('📰🔥-story'),
  encodeURIComponent('Ünïcödé-ñews'),
  encodeURIComponent('中文新闻'),
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '"><img src=x onerror=alert(1)>'.replace(/[^A-Za-z0-9=()]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`),
  'CON',
  '.git%2fconfig',
  '.next%2fBUILD_ID',
  'index.mdx',
  ';',
  '%20',
  '~',
];

const PREFIXES = [
  '/',
  '/articles/',
  '/authors/',
  '/tags/',
  '/world/',
  '/world/page/',
  '/media/0123456789abcdef/',
  '/media/',
  '/sitemaps/',
  '/preview/',
];

const BAD_PAGES = ['0', '-1', '1.5', '1e3', '999999999', '99999999999999999999999', 'abc', '01', '%20', '0x10', 'NaN', 'Infinity', '2%00'];
const PAGED = [
  '/world/page/',
  '/business/page/',
  '/tags/port-calder/page/',
  '/tags/x/page/',
  '/authors/ines-okafor/page/',
  '/authors/x/page/',
];

/** Issue 15: preview paths that parsing folds into `//host`, and other spellings of a story image. */
export const REDIRECT_SPELLINGS = [
  '/.//evil.example',
  '/%2e//evil.example',
  '/a/..//evil.example',
  '/%5Cevil.example',
  '/%09/evil.example',
  '/%0A/evil.example',
];
const IMAGE_SPELLINGS = [
  '/media/4x3/images%2F.%2Fsamples%2Fferry-yard.jpg',
  '/media/4x3/images%2F.%2F.%2Fsamples%2Fferry-yard.jpg',
  '/media/4x3/images%2Fzz%2F..%2Fsamples%2Fferry-yard.jpg',
  '/media/4x3/.git%2Fconfig.jpg',
  '/_next/image?url=/images/./samples/ferry-yard.jpg&w=640&q=75',
  '/_next/image?url=%2Fimages%2Fzz%2F..%2Fsamples%2Fferry-yard.jpg&w=640&q=75',
];

const PAGES = [
  '/',
  '/world',
  '/articles/ardmoor-participatory-budget',
  '/authors/ines-okafor',
  '/tags/port-calder',
  '/feed.xml',
  '/sitemap.xml',
];

/** Several hundred hostile requests against every kind of route. */
export function hostileRequests(): HostileRequest[] {
  const list: HostileRequest[] = [];
  for (const prefix of PREFIXES) {
    for (const segment of SEGMENTS)
      list.push({ method: 'GET', path: `${prefix}${segment}`, label: `traversal ${prefix}${segment.slice(0, 60)}` });
  }
  for (const segment of SEGMENTS.slice(0, 12)) {
    list.push({ method: 'GET', path: `/_next/static/${segment}`, label: `static ${segment}` });
    list.push({ method: 'GET', path: `/_next/image?url=${segment}&w=640&q=75`, label: `image ${segment}` });
    list.push({ method: 'GET', path: `/api/preview?secret=x&path=${segment}`, label: `preview ${segment}` });
    list.push({ method: 'GET', path: `/preview/editor?slug=${segment}`, label: `editor ${segment}` });
  }
  for (const spelling of REDIRECT_SPELLINGS) {
    list.push({ method: 'GET', path: `/api/preview/exit?path=${spelling}`, label: `exit redirect ${spelling}` });
    list.push({ method: 'GET', path: `/api/preview?secret=x&path=${spelling}`, label: `preview redirect ${spelling}` });
  }
  for (const spelling of IMAGE_SPELLINGS) list.push({ method: 'GET', path: spelling, label: `image spelling ${spelling}` });
  for (const paged of PAGED) {
    for (const n of BAD_PAGES) list.push({ method: 'GET', path: `${paged}${n}`, label: `page number ${paged}${n}` });
  }
  const huge = `q=${'a'.repeat(16 * 1024)}`;
  for (const page of PAGES) {
    list.push({
      method: 'GET',
      path: `${page}?utm_source=x&page=-1&__proto__[x]=1&constructor=1&a[]=1&a[]=2&%ff=%00`,
      label: `unknown params ${page}`,
    });
    list.push({ method: 'GET', path: `${page}?${huge}`, label: `16 KB query ${page}` });
    list.push({ method: 'GET', path: `${page}?_rsc=%ff&__nextDataReq=1`, label: `next internals ${page}` });
    list.push({ method: 'HEAD', path: page, label: `HEAD ${page}` });
    list.push({ method: 'OPTIONS', path: page, label: `OPTIONS ${page}` });
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      list.push({
        method,
        path: page,
        headers: { 'content-type': 'application/json' },
        body: Buffer.from('{"a":1}'),
        label: `${method} ${page}`,
      });
    }
    list.push({
      method: 'POST',
      path: page,
      headers: { 'next-action': 'deadbeef'.repeat(5), 'content-type': 'text/plain;charset=UTF-8' },
      body: Buffer.from('[]'),
      label: `forged server action ${page}`,
    });
    list.push({
      method: 'GET',
      path: page,
      headers: { rsc: '1', 'next-router-state-tree': '%ff%00garbage' },
      label: `bad router state ${page}`,
    });
    list.push({
      method: 'GET',
      path: page,
      headers: { 'accept-encoding': 'x'.repeat(4000), 'x-forwarded-host': 'evil.example' },
      label: `odd headers ${page}`,
    });
    list.push({
      method: 'GET',
      path: page,
      headers: { cookie: '__prerender_bypass=forged; __next_preview_data=x' },
      label: `forged preview cookie ${page}`,
    });
  }
  return list;
}

/** Bodies the revalidation webhook must refuse with a 4xx (never a 5xx). */
export function hostileWebhookRequests(secret: string): HostileRequest[] {
  const auth = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
  const body = (s: string) => Buffer.from(s);
  const nested = '['.repeat(100_000) + ']'.repeat(100_000);
  return [
    { method: 'POST', path: '/api/revalidate', headers: auth, body: Buffer.alloc(1024 * 1024 + 1, 0x20), label: 'webhook body over 1 MB' },
    { method: 'POST', path: '/api/revalidate', headers: auth, body: Buffer.alloc(3 * 1024 * 1024, 0x7b), label: 'webhook body 3 MB' },
    { method: 'POST', path: '/api/revalidate', headers: auth, body: body('{"files": ['), label: 'truncated JSON' },
    { method: 'POST', path: '/api/revalidate', headers: auth, body: body('not json'), label: 'not JSON' },
    { method: 'POST', path: '/api/revalidate', headers: auth, body: body(''), label: 'empty body' },
    { method: 'POST', path: '/api/revalidate', headers: auth, body: Buffer.from([0xff, 0xfe, 0x7b, 0x7d]), label: 'invalid UTF-8' },
    { method: 'POST', path: '/api/revalidate', headers: auth, body: body(nested), label: 'deeply nested JSON' },
    {
      method: 'POST',
      path: '/api/revalidate',
      headers: auth,
      body: body('{"files": "content/articles/x.mdx"}'),
      label: 'files not a list',
    },
    { method: 'POST', path: '/api/revalidate', headers: auth, body: body('{"files": [1, null, {}]}'), label: 'files of wrong types' },
    { method: 'POST', path: '/api/revalidate', headers: auth, body: body('{"__proto__": {"files": []}}'), label: 'prototype pollution' },
    {
      method: 'POST',
      path: '/api/revalidate',
      headers: { ...auth, 'x-hub-signature-256': 'sha256=00' },
      body: body('{}'),
      label: 'bad signature',
    },
    {
      method: 'POST',
      path: '/api/revalidate',
      headers: { 'content-type': 'application/json' },
      body: body('{"files": []}'),
      label: 'no secret',
    },
    {
      method: 'POST',
      path: '/api/revalidate',
      headers: { ...auth, authorization: `Bearer ${'x'.repeat(8000)}` },
      body: body('{"files": []}'),
      label: 'long wrong secret',
    },
    { method: 'PUT', path: '/api/revalidate', headers: auth, body: body('{}'), label: 'PUT webhook' },
    { method: 'GET', path: '/api/revalidate', label: 'GET webhook' },
    {
      method: 'POST',
      path: '/api/revalidate',
      headers: auth,
      body: body(
        JSON.stringify({
          files: ['../../etc/passwd', 'content/articles/../../../etc/passwd', 'content/articles/%2e%2e.mdx', '/etc/passwd'],
        }),
      ),
      label: 'traversal file names',
    },
  ];
}

/** Text that must never appear in a response: files outside the content directory, source, secrets. */
export const LEAK_MARKERS = ['root:x:0:0', '"devDependencies"', 'poweredByHeader', 'process.env.', '[core]\n', 'export default nextConfig'];

/** The first picture rendition a page's HTML names (`/media/<key>/<ratio>-<width>.<format>`). */
export function renditionIn(html: string): string {
  const found = /\/media\/[0-9a-f]{16}\/(?:[0-9x]+|orig)-\d+\.(?:avif|webp|jpg)/.exec(html)?.[0];
  if (!found) throw new Error('the page names no picture rendition');
  return found;
}
