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
