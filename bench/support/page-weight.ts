// Bytes a reader downloads per page type: HTML (raw, gzip) and first-load JavaScript (the page's
// <script src> files, raw and gzip, excluding noModule polyfills).
//   npx tsx bench/support/page-weight.ts http://127.0.0.1:3000 /articles/some-slug / ...
import { gzipSync } from 'node:zlib';

export type PageWeight = {
  path: string;
  htmlRaw: number;
  htmlGzip: number;
  /** Of htmlRaw, the bytes of its <style> elements: the stylesheet deploy/server.mjs inlines. */
  inlineCssRaw: number;
  inlineCssGzip: number;
  scripts: number;
  jsRaw: number;
  jsGzip: number;
};

/** The text inside the page's <style> elements. */
export function inlineStyles(html: string): string {
  return [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join('');
}

/** Script URLs a page loads on first visit, excluding noModule polyfills that modern browsers skip. */
export function scriptSources(html: string): string[] {
  const sources = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((m) => m[1]!)
    .filter((attrs) => !/\bnoModule\b/i.test(attrs))
    .map((attrs) => attrs.match(/\bsrc="([^"]+)"/)?.[1])
    .filter((src): src is string => Boolean(src));
  return [...new Set(sources)];
}

export async function pageWeight(base: string, path: string): Promise<PageWeight> {
  const html = await (await fetch(base + path)).text();
  const scripts = scriptSources(html);
  let jsRaw = 0;
  let jsGzip = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    jsRaw += body.length;
    jsGzip += gzipSync(body, { level: 9 }).length;
  }
  const htmlBytes = Buffer.from(html);
  return {
    path,
    htmlRaw: htmlBytes.length,
    htmlGzip: gzipSync(htmlBytes, { level: 9 }).length,
    inlineCssRaw: Buffer.byteLength(inlineStyles(html)),
    inlineCssGzip: gzipSync(inlineStyles(html), { level: 9 }).length,
    scripts: scripts.length,
    jsRaw,
    jsGzip,
  };
}

const kB = (n: number) => (n / 1024).toFixed(1);

if (process.argv[1] && process.argv[1].endsWith('page-weight.ts')) {
  const [base, ...paths] = process.argv.slice(2);
  if (!base) throw new Error('usage: page-weight.ts BASE_URL PATH...');
  void (async () => {
    console.log('| page | HTML raw kB | HTML gzip kB | of it, inline CSS raw kB | scripts | JS raw kB | JS gzip kB |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const path of paths) {
      const w = await pageWeight(base, path);
      console.log(
        `| ${w.path} | ${kB(w.htmlRaw)} | ${kB(w.htmlGzip)} | ${kB(w.inlineCssRaw)} | ${w.scripts} | ${kB(w.jsRaw)} | ${kB(w.jsGzip)} |`,
      );
    }
  })();
}
