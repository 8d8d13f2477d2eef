import { siteUrl } from '../../lib/site';

/** The origin the build wrote into absolute URLs (SITE_URL at build time; the default locally). */
export const SITE = siteUrl();

/** An absolute site URL as the server under test serves it (the build's origin swapped for its own). */
export function served(absolute: string, base: string): string {
  if (!absolute.startsWith(`${SITE}/`) && absolute !== SITE) throw new Error(`not a URL of this site: ${absolute}`);
  return `${base}${absolute.slice(SITE.length) || '/'}`;
}

/** Every JSON-LD block in a page, parsed; `@graph` members are flattened in. */
export function jsonLdIn(html: string): Record<string, unknown>[] {
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1]!) as Record<string, unknown>,
  );
  return blocks.flatMap((b) => (Array.isArray(b['@graph']) ? (b['@graph'] as Record<string, unknown>[]) : [b]));
}

/** The `content` of every `<meta property|name="...">` with that key, in order. */
export function metaValues(html: string, key: string): string[] {
  const pattern = new RegExp(`<meta (?:property|name)="${key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}" content="([^"]*)"`, 'g');
  return [...html.matchAll(pattern)].map((m) => decodeHtml(m[1]!));
}

export function linkHref(html: string, rel: string, type?: string): string[] {
  return [...html.matchAll(/<link [^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => tag.includes(`rel="${rel}"`) && (!type || tag.includes(`type="${type}"`)))
    .map((tag) => decodeHtml(/href="([^"]*)"/.exec(tag)![1]!));
}

function decodeHtml(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Width and height from a PNG's IHDR chunk; throws unless the bytes are a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature');
  if (bytes.subarray(12, 16).toString('ascii') !== 'IHDR') throw new Error('not a PNG: first chunk is not IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** `<loc>` values of a sitemap or sitemap index (not `<image:loc>`). */
export function locsIn(xml: string): string[] {
  return [...xml.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** `<image:loc>` values (Google's image extension) of a sitemap or of one of its `<url>` entries. */
export function imageLocsIn(xml: string): string[] {
  return [...xml.matchAll(/<image:loc>([^<]*)<\/image:loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

/** The `<url>...</url>` entry of a sitemap whose `<loc>` is `loc`, or undefined. */
export function sitemapEntry(xml: string, loc: string): string | undefined {
  const start = xml.indexOf(`<url><loc>${loc}</loc>`);
  return start < 0 ? undefined : xml.slice(start, xml.indexOf('</url>', start) + '</url>'.length);
}
