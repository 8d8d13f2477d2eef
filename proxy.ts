import { NextResponse, type NextRequest } from 'next/server';
import { isKnownImage } from '@/lib/content/known-images';
import { isDecodablePath, methodAllowed, rawPathOf } from '@/lib/security/request-guard';
import { canonicalPath, isSameOriginPath } from '@/lib/security/safe-path';

/** Next's image optimiser: each spelling of `url` is one more optimised copy, so only known images. */
const IMAGE_OPTIMISER = '/_next/image';

/** Refuses what no page can answer before Next routes it (lib/security/request-guard.ts). */
export async function proxy(request: NextRequest) {
  const rawPath = rawPathOf(request.url);
  if (!isDecodablePath(rawPath)) {
    // Next answers these with a 500.
    return refuse(400, 'Bad request: the address is not valid percent-encoded UTF-8.');
  }
  if (rawPath === IMAGE_OPTIMISER) {
    if (!(await isKnownImageRequest(request))) {
      return refuse(
        404,
        'Not found: the image optimiser serves the images stories use, as their pages ask for them (url=%2Fimages%2F...&w=...&q=75).',
      );
    }
    return NextResponse.next();
  }
  // Another spelling of a path (`%2D` for `-`) reads the same page from Next's cache, but would be
  // one more copy in nginx's: send it to the one spelling, or nowhere if that leaves the site.
  const canonical = canonicalPath(rawPath);
  if (canonical !== rawPath && (request.method === 'GET' || request.method === 'HEAD')) {
    if (!isSameOriginPath(canonical)) return refuse(404, 'Not found.');
    const target = request.nextUrl.clone();
    target.pathname = canonical;
    // Next makes a same-origin Location relative.
    const moved = NextResponse.redirect(target, 308);
    moved.headers.set('cache-control', 'no-store');
    return moved;
  }
  if (!methodAllowed(request.method, rawPath)) {
    return refuse(405, `Method not allowed: pages answer GET and HEAD, not ${request.method}.`, { allow: 'GET, HEAD' });
  }
  return NextResponse.next();
}

/**
 * An optimiser request for an image the content uses, spelled as getImageProps writes it (the
 * query's exact text is nginx's cache key; Next keys only url, w and q).
 */
async function isKnownImageRequest(request: NextRequest): Promise<boolean> {
  const params = request.nextUrl.searchParams;
  const src = params.get('url') ?? '';
  const spelled = `?url=${encodeURIComponent(src)}&w=${encodeURIComponent(params.get('w') ?? '')}&q=${encodeURIComponent(params.get('q') ?? '')}`;
  return new URL(request.url).search === spelled && (await isKnownImage(src));
}

function refuse(status: number, message: string, headers: Record<string, string> = {}) {
  return new NextResponse(`${message}\n`, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/**
 * Next spends about a millisecond running a proxy for a request, which halved the throughput of a
 * cached page (ADR 0009). So it runs only where it can refuse something: a path with a percent
 * sign (the only way to spell an undecodable one, or another spelling of a path), a request that
 * carries a body (the only way to send a page anything), and the image optimiser,
 * whose work costs far more than the proxy.
 * A bodyless POST to a page is answered like a GET, from the cache.
 */
export const config = {
  matcher: [
    '/(.*%.*)',
    // IMAGE_OPTIMISER: Next reads the matcher without evaluating the file, so literals only.
    '/_next/image',
    { source: '/:path*', has: [{ type: 'header', key: 'content-length' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'transfer-encoding' }] },
  ],
};
