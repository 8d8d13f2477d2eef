import { NextResponse, type NextRequest } from 'next/server';
import { isDecodablePath, rawPathOf } from '@/lib/security/request-guard';

/** Refuses paths Next cannot decode with a 400 instead of its 500 (lib/security/request-guard.ts). */
export function proxy(request: NextRequest) {
  if (!isDecodablePath(rawPathOf(request.url))) {
    return new NextResponse('Bad request: the address is not valid percent-encoded UTF-8.\n', {
      status: 400,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  return NextResponse.next();
}
