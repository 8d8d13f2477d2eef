import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keyOf, mediaDir, removeRenditions } from '@/lib/media/render';
import { openIndex, type IndexDb } from './database';
import { allPictureRefs, picturesToWrite, writePictures, type PictureRef } from './picture-rows';

let dir: string;
let db: IndexDb;

const fileOf = (src: string) => path.join(dir, 'public', src);

/** A small JPEG of one colour under the temporary public/ folder. */
async function picture(src: string, g = 120, width = 320, height = 180) {
  mkdirSync(path.dirname(fileOf(src)), { recursive: true });
  await sharp({ create: { width, height, channels: 3, background: { r: 90, g, b: 60 } } })
    .jpeg()
    .toFile(fileOf(src));
}

/** One pass of the index: the rows to write, written. */
async function pass(refs: readonly PictureRef[]) {
  const rows = await picturesToWrite(db, refs);
  db.transaction(() => writePictures(db, rows))();
  return rows;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'picture-rows-'));
  vi.stubEnv('PUBLIC_DIR', path.join(dir, 'public'));
  vi.stubEnv('MEDIA_DIR', path.join(dir, 'media'));
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  db = openIndex(path.join(dir, 'index.sqlite'), path.join(dir, 'content')).db;
});

afterEach(() => {
  db.close();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe('picturesToWrite', () => {
  it('makes a row, and the renditions, for a picture new to the index, once however many stories show it', async () => {
    await picture('/images/a.jpg');
    const rows = await pass([{ src: '/images/a.jpg' }, { src: '/images/a.jpg', focus: { x: 0.5, y: 0.5 } }]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ src: '/images/a.jpg', focus: '0.5,0.5', width: 320, height: 180 });
    expect(rows[0]!.key).toBe(await keyOf(fileOf('/images/a.jpg'), { x: 0.5, y: 0.5 }));
    expect(rows[0]!.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(existsSync(path.join(mediaDir(), rows[0]!.key, 'done'))).toBe(true);
    expect(allPictureRefs(db)).toEqual([{ src: '/images/a.jpg', focus: { x: 0.5, y: 0.5 } }]);
  });

  it('makes nothing for a picture unchanged since its row', async () => {
    await picture('/images/a.jpg');
    await pass([{ src: '/images/a.jpg' }]);
    expect(await pass([{ src: '/images/a.jpg' }])).toEqual([]);
  });

  it('makes a new row under a new key when the file changes, then nothing again', async () => {
    await picture('/images/a.jpg', 120);
    const [before] = await pass([{ src: '/images/a.jpg' }]);
    await picture('/images/a.jpg', 200);
    const [after] = await pass([{ src: '/images/a.jpg' }]);
    expect(after?.key).toMatch(/^[0-9a-f]{16}$/);
    expect(after?.key).not.toBe(before!.key);
    expect(existsSync(path.join(mediaDir(), after!.key, 'done'))).toBe(true);
    expect(await pass([{ src: '/images/a.jpg' }])).toEqual([]);
  });

  it('sees a file replaced by one of the same size and time, by its bytes', async () => {
    await picture('/images/a.jpg', 120);
    const [before] = await pass([{ src: '/images/a.jpg' }]);
    const row = db.prepare('SELECT mtime_ms, size FROM pictures').get() as { mtime_ms: number; size: number };
    // Another picture; the row is given its stamp, as if the file had kept the old one.
    await picture('/images/a.jpg', 121);
    db.prepare('UPDATE pictures SET size = ?').run(statSync(fileOf('/images/a.jpg')).size);
    utimesSync(fileOf('/images/a.jpg'), new Date(row.mtime_ms), new Date(row.mtime_ms));
    db.prepare('UPDATE pictures SET mtime_ms = ?').run(statSync(fileOf('/images/a.jpg')).mtimeMs);
    const [after] = await pass([{ src: '/images/a.jpg' }]);
    expect(after?.key).toBeDefined();
    expect(after!.key).not.toBe(before!.key);
  });

  it('makes a row per focal point: each crops differently', async () => {
    await picture('/images/a.jpg');
    const rows = await pass([{ src: '/images/a.jpg' }, { src: '/images/a.jpg', focus: { x: 0.1, y: 0.9 } }]);
    expect(rows.map((r) => r.focus)).toEqual(['0.5,0.5', '0.1,0.9']);
    expect(rows[0]!.key).not.toBe(rows[1]!.key);
  });

  it('makes a deleted folder again, under the same key', async () => {
    await picture('/images/a.jpg');
    const [before] = await pass([{ src: '/images/a.jpg' }]);
    await removeRenditions(before!.key);
    const [again] = await pass(allPictureRefs(db));
    expect(again?.key).toBe(before!.key);
    expect(existsSync(path.join(mediaDir(), before!.key, 'done'))).toBe(true);
  });

  it('skips a missing file, a path outside public/, and a file that is not a picture, with a warning for the last', async () => {
    mkdirSync(path.join(dir, 'public', 'images'), { recursive: true });
    writeFileSync(fileOf('/images/text.jpg'), 'not a picture');
    expect(await pass([{ src: '/images/none.jpg' }, { src: '/../index.sqlite' }, { src: '/images/text.jpg' }])).toEqual([]);
    expect(vi.mocked(console.warn).mock.calls.map((c) => String(c[0]))).toEqual([
      expect.stringMatching(/\/images\/text\.jpg: no renditions/),
    ]);
  });
});
