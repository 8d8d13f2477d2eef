import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inspectImage } from './inspect-image';
import { keyOf, makeRenditions, mediaDir, removeRenditions, renditionPath } from './render';
import { renditionFile, renditionSet } from './rendition-set';

const dir = mkdtempSync(path.join(os.tmpdir(), 'render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let media: string;
beforeEach(() => {
  media = mkdtempSync(path.join(dir, 'media-'));
  vi.stubEnv('MEDIA_DIR', media);
});
afterEach(() => vi.unstubAllEnvs());

const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' };
const RED = { r: 220, g: 30, b: 30 };
const BLUE = { r: 30, g: 30, b: 220 };

/** An 800x450 JPEG, red on its left half and blue on its right, with a camera's EXIF and its GPS position. */
async function photo(name = 'photo.jpg', width = 800, height = 450): Promise<string> {
  const file = path.join(dir, name);
  const half = (background: typeof RED) =>
    sharp({ create: { width: width / 2, height, channels: 3, background } })
      .png()
      .toBuffer();
  await sharp({ create: { width, height, channels: 3, background: RED } })
    .composite([{ input: await half(BLUE), left: width / 2, top: 0 }])
    .jpeg()
    .withExif({ IFD0: { Make: 'Camera', Model: 'X' }, IFD3: GPS })
    .toFile(file);
  return file;
}

const folderOf = (key: string) => path.join(mediaDir(), key);
const mtimes = (key: string) =>
  Object.fromEntries(readdirSync(folderOf(key)).map((f) => [f, statSync(path.join(folderOf(key), f)).mtimeMs]));

describe('makeRenditions', () => {
  it('writes every rendition of the set at its exact size and format, under MEDIA_DIR/<key>/, marked done', async () => {
    const file = await photo();
    const facts = await makeRenditions(file, { x: 0.5, y: 0.5 });
    expect(facts).toMatchObject({ width: 800, height: 450 });
    expect(facts.key).toBe(await keyOf(file, { x: 0.5, y: 0.5 }));
    expect(mediaDir()).toBe(media);
    const set = renditionSet({ width: 800, height: 450 });
    expect(readdirSync(folderOf(facts.key)).sort()).toEqual([...set.map(renditionFile), 'done'].sort());
    const FORMAT = { avif: 'heif', webp: 'webp', jpg: 'jpeg' } as const;
    for (const r of set) {
      const meta = await sharp(renditionPath(facts.key, renditionFile(r))).metadata();
      expect([meta.width, meta.height, meta.format], renditionFile(r)).toEqual([r.width, r.height, FORMAT[r.format]]);
    }
  }, 15_000);

  it('keeps no metadata: no EXIF, no GPS position, no XMP in any rendition of a photo that had them', async () => {
    const file = await photo('gps.jpg');
    expect((await inspectImage(file))?.hasLocation).toBe(true);
    const { key } = await makeRenditions(file, { x: 0.5, y: 0.5 });
    for (const name of readdirSync(folderOf(key)).filter((f) => f !== 'done')) {
      const rendition = path.join(folderOf(key), name);
      const meta = await sharp(rendition).metadata();
      expect([meta.exif, meta.xmp, meta.iptc], name).toEqual([undefined, undefined, undefined]);
      expect((await inspectImage(rendition))?.hasLocation, name).toBe(false);
    }
  }, 15_000);

  it('gives a dominant colour as #rrggbb and a blurred WebP preview of a few hundred bytes', async () => {
    const facts = await makeRenditions(await photo('preview.jpg'), { x: 0.5, y: 0.5 });
    expect(facts.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(facts.preview).toMatch(/^data:image\/webp;base64,[A-Za-z0-9+/]+=*$/);
    const bytes = Buffer.from(facts.preview.slice(facts.preview.indexOf(',') + 1), 'base64');
    expect(bytes.length).toBeLessThan(300);
    expect(facts.preview.length).toBeLessThan(420);
    const meta = await sharp(bytes).metadata();
    expect(meta.format).toBe('webp');
    expect(Math.max(meta.width, meta.height)).toBeLessThanOrEqual(16);
  }, 15_000);

  it('crops around the focal point: a square of the left of the picture is red, of the right blue', async () => {
    const file = await photo('halves.jpg');
    const colourOf = async (focus: { x: number; y: number }) => {
      const { key } = await makeRenditions(file, focus);
      const { channels } = await sharp(renditionPath(key, '1x1-160.webp')).stats();
      return { r: channels[0]!.mean, b: channels[2]!.mean };
    };
    const left = await colourOf({ x: 0, y: 0.5 });
    const right = await colourOf({ x: 1, y: 0.5 });
    expect(left.r).toBeGreaterThan(left.b + 100);
    expect(right.b).toBeGreaterThan(right.r + 100);
  }, 15_000);

  it('makes nothing again for a picture already made: the files and the done marker are untouched', async () => {
    const file = await photo('again.jpg');
    const first = await makeRenditions(file, { x: 0.5, y: 0.5 });
    const before = mtimes(first.key);
    const second = await makeRenditions(file, { x: 0.5, y: 0.5 });
    expect(second).toEqual(first);
    expect(mtimes(first.key)).toEqual(before);
  }, 15_000);

  it('makes a deleted folder again, and finishes a folder left without its done marker', async () => {
    const file = await photo('deleted.jpg');
    const { key } = await makeRenditions(file, { x: 0.5, y: 0.5 });
    const all = readdirSync(folderOf(key)).sort();
    await removeRenditions(key);
    expect(existsSync(folderOf(key))).toBe(false);
    expect(renditionPath(key, '16x9-320.avif')).toBeUndefined();
    await makeRenditions(file, { x: 0.5, y: 0.5 });
    expect(readdirSync(folderOf(key)).sort()).toEqual(all);
    // Interrupted: some files and no marker. The files there are kept, the rest made.
    rmSync(path.join(folderOf(key), 'done'));
    rmSync(path.join(folderOf(key), '16x9-320.avif'));
    const kept = statSync(path.join(folderOf(key), '4x5-320.webp')).mtimeMs;
    expect(renditionPath(key, '4x5-320.webp')).toBeUndefined();
    await makeRenditions(file, { x: 0.5, y: 0.5 });
    expect(readdirSync(folderOf(key)).sort()).toEqual(all);
    expect(statSync(path.join(folderOf(key), '4x5-320.webp')).mtimeMs).toBe(kept);
  }, 15_000);

  it("reads a finished folder's placeholder from its marker, and remakes only the marker when it is of an older kind", async () => {
    const file = await photo('marker.jpg');
    const first = await makeRenditions(file, { x: 0.5, y: 0.5 });
    const marker = path.join(folderOf(first.key), 'done');
    expect(JSON.parse(readFileSync(marker, 'utf8'))).toMatchObject({ color: first.color, preview: first.preview });
    // The marker is what an index rebuilt over these renditions reads: no pixels are decoded again.
    writeFileSync(marker, JSON.stringify({ made: 'then', color: '#123456', preview: first.preview }));
    expect((await makeRenditions(file, { x: 0.5, y: 0.5 })).color).toBe('#123456');
    // A marker holding only a date (renditions made before placeholders were kept): the placeholder is made again, the files kept.
    const before = mtimes(first.key);
    writeFileSync(marker, '2026-12-01T00:00:00.000Z\n');
    expect(await makeRenditions(file, { x: 0.5, y: 0.5 })).toEqual(first);
    expect(JSON.parse(readFileSync(marker, 'utf8'))).toMatchObject({ color: first.color, preview: first.preview });
    const after = mtimes(first.key);
    delete after.done;
    delete before.done;
    expect(after).toEqual(before);
  }, 15_000);

  it('makes one picture asked for twice at once (two requests for a lost folder) once, and both callers get it', async () => {
    const file = await photo('twice.jpg', 400, 226);
    const [a, b] = await Promise.all([makeRenditions(file, { x: 0.5, y: 0.5 }), makeRenditions(file, { x: 0.5, y: 0.5 })]);
    expect(a.key).toBe(b.key);
    expect(readdirSync(folderOf(a.key)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(renditionPath(a.key, 'done')).toBeDefined();
  }, 15_000);

  it('turns a picture by its EXIF orientation before cropping', async () => {
    const file = path.join(dir, 'turned.jpg');
    await sharp({ create: { width: 400, height: 300, channels: 3, background: RED } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .toFile(file);
    const facts = await makeRenditions(file, { x: 0.5, y: 0.5 });
    expect(facts).toMatchObject({ width: 300, height: 400 });
    const orig = await sharp(renditionPath(facts.key, 'orig-300.webp')).metadata();
    expect([orig.width, orig.height]).toEqual([300, 400]);
  }, 15_000);

  it('refuses what is not a picture', async () => {
    await expect(makeRenditions('package.json', { x: 0.5, y: 0.5 })).rejects.toThrow();
    expect(readdirSync(media)).toEqual([]);
  });
});
