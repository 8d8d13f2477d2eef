import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GET } from '@/app/media/[key]/[file]/route';
import { closeContentIndex } from '@/lib/content/index/runtime';
import { getPicture } from '@/lib/content/pictures';
import { writeContentFile, writeStoryFile } from '@/lib/content/test-story-files';
import { mediaDir, removeRenditions } from './render';
import { IMMUTABLE, serveRendition } from './serve';

let dir: string;
const IMAGE = { src: '/images/pier.jpg', alt: 'The pier.', focus: { x: 0.25, y: 0.5 } };

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'serve-test-'));
  const content = path.join(dir, 'content');
  const pub = path.join(dir, 'public');
  vi.stubEnv('CONTENT_DIR', content);
  vi.stubEnv('PUBLIC_DIR', pub);
  vi.stubEnv('MEDIA_DIR', path.join(dir, 'media'));
  vi.stubEnv('CONTENT_INDEX_FILE', path.join(dir, 'index.sqlite'));
  vi.spyOn(console, 'log').mockImplementation(() => {});
  mkdirSync(path.join(pub, 'images'), { recursive: true });
  await sharp({ create: { width: 400, height: 226, channels: 3, background: { r: 40, g: 90, b: 160 } } })
    .jpeg()
    .toFile(path.join(pub, IMAGE.src));
  writeContentFile(content, 'sections.yaml', 'sections:\n  - id: world\n    name: World\n    description: The world.\n');
  writeContentFile(content, 'authors/ana-ruiz.yaml', 'name: Ana Ruiz\nrole: Reporter\nbio: Reports.\n');
  writeStoryFile(content, 'pier', {
    image: `{ src: ${IMAGE.src}, alt: ${IMAGE.alt}, credit: Photo for News Rebeat, width: 400, height: 226, focus: { x: ${IMAGE.focus.x}, y: ${IMAGE.focus.y} } }`,
  });
});

afterEach(async () => {
  await closeContentIndex();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

/** The key the content index gave the story's picture (its renditions are made as the index is built). */
async function indexedKey(): Promise<string> {
  const picture = await getPicture(IMAGE);
  expect(picture).toMatchObject({ src: IMAGE.src, width: 400, height: 226, focus: IMAGE.focus });
  return picture!.key;
}

const expectNotFound = (response: Response) => {
  expect(response.status).toBe(404);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
};

describe('serveRendition', () => {
  it('serves a made rendition immutable, with its format’s type and length', async () => {
    const key = await indexedKey();
    for (const [file, type, format] of [
      ['16x9-320.avif', 'image/avif', 'heif'],
      ['4x5-181.webp', 'image/webp', 'webp'],
      ['16x9-400.jpg', 'image/jpeg', 'jpeg'],
    ] as const) {
      const response = await serveRendition(key, file);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('cache-control')).toBe(IMMUTABLE);
      expect(IMMUTABLE).toMatch(/immutable/);
      expect(response.headers.get('content-type')).toBe(type);
      const body = Buffer.from(await response.arrayBuffer());
      expect(response.headers.get('content-length')).toBe(String(body.length));
      expect((await sharp(body).metadata()).format).toBe(format);
    }
  });

  it('answers 404, never cached, for a key or name that is not one, a rendition not in the set, and an unknown key', async () => {
    const key = await indexedKey();
    for (const [k, file] of [
      ['not-a-key', '16x9-320.avif'],
      ['0123456789ABCDEF', '16x9-320.avif'],
      [`../${key}`, '16x9-320.avif'],
      [key, '../x'],
      [key, 'done'],
      [key, '16x9-0.avif'],
      [key, '16x9-10.gif'],
      // Well formed, but never made for a picture 400 pixels wide.
      [key, '16x9-1920.avif'],
      ['0000000000000000', '16x9-320.avif'],
    ])
      expectNotFound(await serveRendition(k!, file!));
  });

  it('makes a known picture’s folder again when it was lost, and only a known one', async () => {
    const key = await indexedKey();
    await removeRenditions(key);
    const response = await serveRendition(key, '1x1-226.webp');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(IMMUTABLE);
    expectNotFound(await serveRendition('fedcba9876543210', '1x1-226.webp'));
    // Nothing was made for the unknown key.
    expect((await import('node:fs')).existsSync(path.join(mediaDir(), 'fedcba9876543210'))).toBe(false);
  });

  it('is what the route answers', async () => {
    const key = await indexedKey();
    const ok = await GET(new Request(`http://localhost/media/${key}/16x9-320.webp`), {
      params: Promise.resolve({ key, file: '16x9-320.webp' }),
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/webp');
    expectNotFound(await GET(new Request('http://localhost/media/x/y'), { params: Promise.resolve({ key: 'x', file: 'y' }) }));
  });
});
