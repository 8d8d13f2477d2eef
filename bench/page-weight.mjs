// Bytes a reader downloads per page type: HTML (raw, gzip) and first-load JavaScript (the page's
// <script src> files, raw and gzip, excluding noModule polyfills).
//   node bench/page-weight.mjs http://127.0.0.1:3000 /articles/some-slug / ...
import { gzipSync } from 'node:zlib';

export async function pageWeight(base, path) {
  const html = await (await fetch(base + path)).text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1])
    .filter((attrs) => !/\bnoModule\b/i.test(attrs))
    .map((attrs) => attrs.match(/\bsrc="([^"]+)"/)?.[1])
    .filter(Boolean);
  let jsRaw = 0;
  let jsGzip = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    jsRaw += body.length;
    jsGzip += gzipSync(body, { level: 9 }).length;
  }
  const htmlBytes = Buffer.from(html);
  return {
    path,
    htmlRaw: htmlBytes.length,
    htmlGzip: gzipSync(htmlBytes, { level: 9 }).length,
    scripts: new Set(scripts).size,
    jsRaw,
    jsGzip,
  };
}

const kB = (n) => (n / 1024).toFixed(1);

if (import.meta.url === `file://${process.argv[1]}`) {
  const [base, ...paths] = process.argv.slice(2);
  console.log('| page | HTML raw kB | HTML gzip kB | scripts | JS raw kB | JS gzip kB |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const path of paths) {
    const w = await pageWeight(base, path);
    console.log(`| ${w.path} | ${kB(w.htmlRaw)} | ${kB(w.htmlGzip)} | ${w.scripts} | ${kB(w.jsRaw)} | ${kB(w.jsGzip)} |`);
  }
}
