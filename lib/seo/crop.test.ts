import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeContentIndex } from '@/lib/content/index/runtime';
import { cropResponse } from './crop';
import { MAX_INPUT_PIXELS } from './input-pixels';

let dir: string;
const previous = {
  PUBLIC_DIR: process.env.PUBLIC_DIR,
  CONTENT_DIR: process.env.CONTENT_DIR,
  CONTENT_INDEX_FILE: process.env.CONTENT_INDEX_FILE,
};

/** A story whose lead image is `src`: only images the content uses are cropped. */
function storyWithImage(content: string, slug: string, src: string) {
  writeFileSync(
    path.join(content, 'articles', `${slug}.mdx`),
    `---\ntitle: T\ndek: D.\nsection: world\nauthors: [ana]\npublishedAt: 2024-01-01T00:00:00Z\nimage: { src: ${src}, alt: A picture, credit: 'Photo: Ana', width: 400, height: 300 }\n---\n\nText.\n`,
  );
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'crop-'));
  const content = path.join(dir, 'content');
  mkdirSync(path.join(content, 'articles'), { recursive: true });
  mkdirSync(path.join(content, 'authors'));
  writeFileSync(path.join(content, 'sections.yaml'), 'sections:\n  - id: world\n    name: World\n    description: The world.\n');
  writeFileSync(path.join(content, 'authors', 'ana.yaml'), 'name: Ana\nrole: Reporter\nbio: Reports.\n');
  storyWithImage(content, 'small', '/small.png');
  storyWithImage(content, 'huge', '/huge.png');
  storyWithImage(content, 'located', '/located.jpg');
  process.env.PUBLIC_DIR = dir;
  process.env.CONTENT_DIR = content;
  process.env.CONTENT_INDEX_FILE = path.join(dir, 'index.sqlite');
  const png = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#336699' } }).png({ compressionLevel: 1 });
  // Just over the limit: a 16000x16000 PNG is the same refusal, but slow to make.
  await png(MAX_INPUT_PIXELS / 5000 + 10, 5000).toFile(path.join(dir, 'huge.png'));
  await png(400, 300).toFile(path.join(dir, 'small.png'));
  await png(400, 300).toFile(path.join(dir, 'unused.png'));
  // A photograph as a phone saves it: where it was taken, in its EXIF.
  await sharp({ create: { width: 400, height: 300, channels: 3, background: '#663399' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'Phone' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' },
    })
    .toFile(path.join(dir, 'located.jpg'));
}, 60_000);

afterAll(async () => {
  await closeContentIndex();
  for (const [key, value] of Object.entries(previous)) {
    // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- deleting is how an environment variable is unset
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('cropResponse', () => {
  it('publishes no metadata: a photograph with GPS in its EXIF is cropped without it', async () => {
    const original = await sharp(path.join(dir, 'located.jpg')).metadata();
    expect(original.exif).toBeDefined();
    for (const ratio of ['16x9', '4x3', '1x1']) {
      const response = await cropResponse(ratio, ['located.jpg']);
      expect(response.status).toBe(200);
      const crop = await sharp(Buffer.from(await response.arrayBuffer())).metadata();
      expect([crop.exif, crop.xmp, crop.iptc]).toEqual([undefined, undefined, undefined]);
    }
  });

  it('crops an image within the pixel limit', async () => {
    const res = await cropResponse('1x1', ['small.png']);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect((await sharp(Buffer.from(await res.arrayBuffer())).metadata()).width).toBe(300);
  });

  it('refuses an image over the pixel limit before decoding it, with a 404 no cache keeps', async () => {
    const started = process.cpuUsage();
    const res = await cropResponse('1x1', ['huge.png']);
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const cpu = process.cpuUsage(started);
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(100);
  });

  it('refuses an image on disk that no story or author uses', async () => {
    expect((await cropResponse('1x1', ['unused.png'])).status).toBe(404);
  });

  it('refuses another spelling of a real image', async () => {
    const res = await cropResponse('1x1', ['./small.png']);
    expect(res.status).toBe(404);
  });
});
