import { NextResponse, type NextRequest } from 'next/server';
import { isDecodablePath, methodAllowed, rawPathOf } from '@/lib/security/request-guard';

/** Refuses what no page can answer before Next routes it (lib/security/request-guard.ts). */
export function proxy(request: NextRequest) {
  const rawPath = rawPathOf(request.url);
  if (!isDecodablePath(rawPath)) {
    // Next answers these with a 500.
    return refuse(400, 'Bad request: the address is not valid percent-encoded UTF-8.');
  }
  if (!methodAllowed(request.method, rawPath)) {
    return refuse(405, `Method not allowed: pages answer GET and HEAD, not ${request.method}.`, { allow: 'GET, HEAD' });
  }
  return NextResponse.next();
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
 * sign (the only way to spell an undecodable one) and a request that carries a body (the only way
 * to send a page anything). A bodyless POST to a page is answered like a GET, from the cache.
 */
export const config = {
  matcher: [
    '/(.*%.*)',
    { source: '/:path*', has: [{ type: 'header', key: 'content-length' }] },
    { source: '/:path*', has: [{ type: 'header', key: 'transfer-encoding' }] },
  ],
};
