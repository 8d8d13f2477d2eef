import { revalidatePath } from 'next/cache';
import { contentDir } from '@/lib/content/content-dir';
import { refreshContentChanges, whileFilesChange } from '@/lib/content/index/runtime';
import { revalidationIndex } from '@/lib/content/queries';
import { gitPull } from '@/lib/revalidate/git-pull';
import { handleRevalidate } from '@/lib/revalidate/handle';
import { sitemapPartCount } from '@/lib/seo/sitemap-responses';

export const dynamic = 'force-dynamic';

/** Push-to-publish: see lib/revalidate/handle.ts and docs/editing.md. */
export async function POST(request: Request) {
  return handleRevalidate(request, {
    secret: process.env.REVALIDATE_SECRET,
    gitPull: process.env.CONTENT_GIT_PULL === '1' ? () => whileFilesChange(() => gitPull(contentDir())) : undefined,
    refresh: async (changes) => {
      await refreshContentChanges(changes);
      return revalidationIndex({ sitemapParts: await sitemapPartCount() });
    },
    revalidate: (path, type) => revalidatePath(path, type),
  });
}

const notAllowed = () => Response.json({ error: 'use POST' }, { status: 405, headers: { allow: 'POST', 'cache-control': 'no-store' } });

export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
