import 'server-only';
import { readFile } from 'node:fs/promises';
import { publicDir } from '@/lib/content/content-dir';
import { pictureOfKey } from '@/lib/content/pictures';
import { publicImageFile } from './image-file';
import { makeRenditions, renditionPath } from './render';
import { FORMATS, KEY_PATTERN, parseRenditionFile } from './rendition-set';

/** A year, and never revalidated: a rendition's address changes whenever its bytes would. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

// Never cached: a rendition that is missing now may be made in a moment.
const notFound = () =>
  new Response('Not found: no such picture rendition.\n', {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  });

/**
 * One rendition from disk. Its folder is made when the index sees the picture; when it is missing
 * (the folder was deleted, or another instance's page named it first), a picture the index knows
 * is made again here, once, rather than lost: renditions are derived from the files.
 */
export async function serveRendition(key: string, file: string): Promise<Response> {
  const rendition = KEY_PATTERN.test(key) ? parseRenditionFile(file) : undefined;
  if (!rendition) return notFound();
  let found = renditionPath(key, file);
  if (!found) {
    const picture = await pictureOfKey(key);
    const source = picture && publicImageFile(publicDir(), picture.src);
    if (!picture || !source) return notFound();
    const made = await makeRenditions(source, picture.focus).catch(() => undefined);
    if (made?.key !== key) return notFound();
    found = renditionPath(key, file);
  }
  const body = found ? await readFile(found).catch(() => undefined) : undefined;
  if (!body) return notFound();
  return new Response(new Uint8Array(body), {
    headers: { 'content-type': FORMATS[rendition.format], 'content-length': String(body.length), 'cache-control': IMMUTABLE },
  });
}
