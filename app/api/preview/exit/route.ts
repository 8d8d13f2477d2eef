import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { safeSitePath } from '@/lib/security/safe-path';
import { paths } from '@/lib/urls';

export const dynamic = 'force-dynamic';

/** Leaves preview and returns to a page readers can see. */
export async function GET(request: NextRequest) {
  (await draftMode()).disable();
  redirect(safeSitePath(request.nextUrl.searchParams.get('path')) ?? paths.front());
}
