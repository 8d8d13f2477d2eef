import { isImagePath } from '@/lib/security/safe-path';
import { publicDir } from './content-dir';
import { publicFileExists } from './links';
import { derived, getContentIndex } from './store';

/**
 * Whether `src` is the canonical path of an image the content uses: the one question the crop
 * route (lib/seo/crop.ts) and the image optimiser's gate (proxy.ts) ask, so any other spelling of
 * a path costs no crop and no cache entry. Story and author images come from the content index.
 * Body `<Figure>` images are not in the index yet, so for now a canonical path to a file under
 * public/ stands in for them.
 */
export async function isKnownImage(src: string): Promise<boolean> {
  if (!isImagePath(src)) return false;
  const index = await getContentIndex();
  const known = derived('known-images', String(index.version), () => {
    const srcs = new Set<string>();
    for (const article of index.articles) if (article.image) srcs.add(article.image.src);
    for (const author of index.authors.values()) if (author.avatar) srcs.add(author.avatar.src);
    return srcs;
  });
  return known.has(src) || publicFileExists(publicDir(), src);
}
