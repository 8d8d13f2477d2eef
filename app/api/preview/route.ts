import { draftMode } from 'next/headers';
import { redirect } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { checkPreviewEntry } from '@/lib/preview/entry';
import { paths } from '@/lib/urls';

export const dynamic = 'force-dynamic';

/**
 * Enters preview (Next's draft mode) and opens the page under /preview (lib/preview/prefix.ts):
 * drafts and scheduled stories become visible.
 */
export async function GET(request: NextRequest) {
  const entry = checkPreviewEntry(request.nextUrl.searchParams, process.env.PREVIEW_SECRET);
  if (!entry.ok) {
    return new Response(`${entry.message}\n`, {
      status: entry.status,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
    });
  }
  (await draftMode()).enable();
  redirect(paths.preview(entry.path));
}
