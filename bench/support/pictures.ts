/**
 * Pages whose LCP is a picture (issue 18, "Pictures"): what "pictures blocked" blocks, the order a
 * page and its pictures-blocked twin run in, and the issue's targets for such pages.
 */
import { describeLcpElement, isImg, paintedImage, type LcpElement } from './lcp-element';
import { median } from './stats';
import { cell, mark, ms, signed } from './format';

/** The issue's targets for a page whose LCP is a picture (medians of the judged rounds). */
export const PICTURE_TARGET = { performance: 90, lcpMs: 2500, overBlockedMs: 800 } as const;

/** Image types a picture can be served as; the patterns below block any request for one. */
const PICTURE_TYPES = ['avif', 'webp', 'jpg', 'jpeg', 'png', 'gif'] as const;

/**
 * What "pictures blocked" blocks, as Lighthouse's blockedUrlPatterns (Chrome's
 * Network.setBlockedURLs): every picture a page shows, and nothing else it paints with, so the run
 * shows the same page as if its pictures never arrived and its LCP falls to its largest text.
 *
 * - `<origin>/media/*`: the picture pipeline's files (`/media/<key>/<ratio>-<width>.<type>`), and
 *   the crops before it (`/media/16x9/images/…`). Spelled with the site's origin because Chrome
 *   matches a pattern anywhere in the URL, and a bare `/media/*` would also block the web fonts
 *   (`/_next/static/media/*.woff2`), which make about 400 ms of simulated LCP (see results.md).
 * - `<origin>/_next/image*`: next/image's optimiser, which serves pictures as WebP or AVIF under a
 *   URL with no type of its own; `<origin>/images/*`: the originals under public/images.
 * - `*.avif`, `*.webp`, `*.jpg`, `*.jpeg`, `*.png`, `*.gif`: a picture served from anywhere else.
 *
 * Left alone: fonts, the stylesheet and scripts, SVG (the site's icon, app/icon.svg, and any
 * drawn logo) and `data:` URLs, which never reach the network. A PNG tab icon would be blocked, and
 * that would not matter: a tab icon is not painted in the page, so it is never the LCP element.
 */
export function pictureBlockPatterns(origin: string): string[] {
  return [`${origin}/media/*`, `${origin}/_next/image*`, `${origin}/images/*`, ...PICTURE_TYPES.map((type) => `*.${type}`)];
}

/**
 * Whether Chrome blocks `url` for `pattern` (Network.setBlockedURLs): `*` stands for any text, and
 * the pattern may match anywhere in the URL, so each literal part is looked for after the last.
 * Seen on Chromium 156: `/media/*` blocked `http://127.0.0.1:4791/media/0123456789abcdef/16x9-960.avif`.
 */
export function matchesBlockedPattern(url: string, pattern: string): boolean {
  let from = 0;
  for (const part of pattern.split('*')) {
    const at = url.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

export type PageKind = { name: string; lcp?: 'text' | 'picture' };

/** The name of a picture page's run with its pictures blocked. */
export const blockedName = (name: string) => `${name}, pictures blocked`;

export const hasPicture = (page: PageKind) => page.lcp === 'picture';

/**
 * One round's runs, in order: the floor, the first half of the pages, the floor again, the other
 * half, so that every page runs next to a floor run. A picture page's blocked twin runs right
 * beside it, first on even rounds, so neither always gets the machine as the other left it.
 */
export function roundOrder(pages: readonly PageKind[], floor: string, round: number): string[] {
  const runs = (page: PageKind) => {
    if (!hasPicture(page)) return [page.name];
    return round % 2 ? [page.name, blockedName(page.name)] : [blockedName(page.name), page.name];
  };
  const half = Math.ceil(pages.length / 2);
  const second = pages.slice(half);
  return [floor, ...pages.slice(0, half).flatMap(runs), ...(second.length ? [floor, ...second.flatMap(runs)] : [])];
}

/** What the picture targets need of one Lighthouse run. */
export type PictureRun = { performance: number; lcpMs: number; lcpElement: LcpElement };

export type Check = { what: string; met: boolean };

/** The issue's targets for a picture page, from its judged runs and its runs with pictures blocked. */
export function pictureChecks(runs: readonly PictureRun[], blocked: readonly PictureRun[]): Check[] {
  const performance = median(runs.map((r) => r.performance));
  const lcp = median(runs.map((r) => r.lcpMs));
  const lcpBlocked = median(blocked.map((r) => r.lcpMs));
  const images = runs.filter((r) => isImg(r.lcpElement)).length;
  // A blocked run whose LCP is still an image let a picture through: its LCP says nothing.
  const leaked = blocked.filter((r) => paintedImage(r.lcpElement));
  const element = runs.at(-1)?.lcpElement;
  const over = lcp - lcpBlocked;
  return [
    { what: `performance ${performance} ≥ ${PICTURE_TARGET.performance}`, met: performance >= PICTURE_TARGET.performance },
    { what: `LCP ${ms(lcp)} < ${PICTURE_TARGET.lcpMs} ms`, met: lcp < PICTURE_TARGET.lcpMs },
    {
      what: `LCP element an \`<img>\` in ${images}/${runs.length} runs (last: \`${element ? describeLcpElement(element) : 'no run'}\`)`,
      met: runs.length > 0 && images === runs.length,
    },
    {
      what: leaked.length
        ? `LCP with pictures blocked not measured: ${leaked.length}/${blocked.length} blocked runs still painted an image (\`${describeLcpElement(leaked[0]!.lcpElement)}\`)`
        : `LCP ${Number.isFinite(over) ? signed(over, ' ms') : 'n/a'} over the same page with pictures blocked (${ms(lcpBlocked)}) ≤ +${PICTURE_TARGET.overBlockedMs} ms`,
      met: blocked.length > 0 && leaked.length === 0 && over <= PICTURE_TARGET.overBlockedMs,
    },
  ];
}

/** A picture page's runs, and its twin's with pictures blocked. */
export type PictureRows = { name: string; runs: readonly PictureRun[]; blocked: readonly PictureRun[] }[];

/** The picture pages side by side with their pictures-blocked twins (medians; the element of the last run). */
export function pictureTable(rows: PictureRows): string[] {
  const lines = [
    '| page | runs | performance | LCP | LCP, pictures blocked | what the pictures add | LCP element (last run) | an `<img>` in | LCP element, pictures blocked |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- |',
  ];
  for (const { name, runs, blocked } of rows) {
    const lcp = median(runs.map((r) => r.lcpMs));
    const lcpBlocked = median(blocked.map((r) => r.lcpMs));
    const element = (list: readonly PictureRun[]) => (list.length ? `\`${cell(describeLcpElement(list.at(-1)!.lcpElement))}\`` : 'no run');
    const perf = runs.map((r) => r.performance);
    lines.push(
      `| ${name} | ${runs.length} | ${median(perf)} (${Math.min(...perf)}–${Math.max(...perf)}) | ${ms(lcp)} | ${ms(lcpBlocked)} | ${Number.isFinite(lcp - lcpBlocked) ? signed(lcp - lcpBlocked, ' ms') : 'n/a'} | ${element(runs)} | ${runs.filter((r) => isImg(r.lcpElement)).length}/${runs.length} | ${element(blocked)} |`,
    );
  }
  return lines;
}

/** One verdict line, as the Lighthouse section writes them. */
export function verdictLine(name: string, checks: readonly Check[]): string {
  return `- ${name}: ${checks.map((c) => `${c.what} ${mark(c.met)}`).join('; ')}.`;
}

/**
 * Every picture file a page's HTML can ask for: the `src` and each `srcset` candidate of its <img>
 * and <source> elements, and the `href` and `imagesrcset` of an image preload. Every width is
 * listed, not only the one a given viewport picks.
 */
export function pictureUrls(html: string): string[] {
  const urls = new Set<string>();
  for (const [tag] of html.matchAll(/<(?:img|source|link)\b[^>]*>/gi)) {
    const isLink = /^<link/i.test(tag);
    if (isLink && !/\sas="image"/i.test(tag)) continue;
    const wanted = isLink ? ['href', 'imagesrcset'] : ['src', 'srcset'];
    for (const [, name = '', raw = ''] of tag.matchAll(/\s(src|srcset|href|imagesrcset)="([^"]*)"/gi)) {
      if (!wanted.includes(name.toLowerCase())) continue;
      const value = raw.replace(/&amp;/g, '&');
      const candidates = /srcset$/i.test(name) ? value.split(',').map((c) => c.trim().split(/\s+/)[0] ?? '') : [value];
      for (const url of candidates) if (url && !url.startsWith('data:')) urls.add(url);
    }
  }
  return [...urls];
}

/** What Chromium sends for an image, so a server that picks the type by it makes the one a reader gets. */
const IMAGE_ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';

/**
 * Asks once for every picture of a page, so that Lighthouse measures pictures a server has already
 * made (an optimiser makes each width on its first request), as it measures a page already rendered.
 */
export async function warmPictures(base: string, path: string): Promise<number> {
  const urls = pictureUrls(await (await fetch(base + path)).text());
  for (const url of urls) await (await fetch(new URL(url, base), { headers: { accept: IMAGE_ACCEPT } })).arrayBuffer();
  return urls.length;
}
