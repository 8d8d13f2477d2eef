import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { imageFileInfo, publicImageFile, sniffImageType } from './image-file';

const PUBLIC = path.join(process.cwd(), 'public');
const sizeOf = (src: string) => statSync(path.join(PUBLIC, src)).size;
const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('sniffImageType', () => {
  it('reads the format from the signature', () => {
    expect(sniffImageType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(bytes('\x89PNG\r\n\x1a\n', [0, 0, 0, 13]))).toBe('image/png');
    expect(sniffImageType(bytes('RIFF', [0x24, 0, 0, 0], 'WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(bytes('GIF89a'))).toBe('image/gif');
    // An ftyp box of 32 bytes: major brand avif, then minor version and compatible brands.
    expect(sniffImageType(bytes([0, 0, 0, 32], 'ftypavif', [0, 0, 0, 0], 'avifmif1miafMA1B'))).toBe('image/avif');
    // Major brand mif1, AVIF only among the compatible brands.
    expect(sniffImageType(bytes([0, 0, 0, 24], 'ftypmif1', [0, 0, 0, 0], 'mif1avif'))).toBe('image/avif');
  });

  it('knows nothing else: text, HEIC, a RIFF that is not WebP, a brand past the ftyp box, too few bytes', () => {
    expect(sniffImageType(bytes('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeUndefined();
    expect(sniffImageType(bytes([0, 0, 0, 24], 'ftypheic', [0, 0, 0, 0], 'mif1heic'))).toBeUndefined();
    expect(sniffImageType(bytes('RIFF', [0x24, 0, 0, 0], 'WAVEfmt '))).toBeUndefined();
    expect(sniffImageType(bytes([0, 0, 0, 16], 'ftypmif1', [0, 0, 0, 0], 'avif'))).toBeUndefined();
    expect(sniffImageType(bytes([0xff, 0xd8]))).toBeUndefined();
    expect(sniffImageType(new Uint8Array())).toBeUndefined();
  });
});

describe('publicImageFile', () => {
  it('resolves canonical image paths inside the folder, nothing else', () => {
    expect(publicImageFile(PUBLIC, '/logo.png')).toBe(path.join(PUBLIC, 'logo.png'));
    for (const src of ['/../package.json', '/images/../../package.json', 'logo.png', '//host/x.jpg', '/images/%2e%2e/x.jpg', '/.env']) {
      expect(publicImageFile(PUBLIC, src), src).toBeUndefined();
    }
  });
});

describe('imageFileInfo on the repository’s public/', () => {
  it('gives the sample photographs as JPEG and the logo as PNG, with their sizes in bytes', async () => {
    for (const src of ['/images/samples/ice-shelf.jpg', '/images/samples/ferry-yard.jpg', '/images/samples/patrol-boats.jpg']) {
      expect(await imageFileInfo(PUBLIC, src)).toEqual({ type: 'image/jpeg', length: sizeOf(src) });
    }
    expect(await imageFileInfo(PUBLIC, '/logo.png')).toEqual({ type: 'image/png', length: sizeOf('/logo.png') });
  });

  it('says nothing of a missing file, a folder, or a path that leaves public/', async () => {
    expect(await imageFileInfo(PUBLIC, '/images/samples/missing.jpg')).toBeUndefined();
    expect(await imageFileInfo(PUBLIC, '/images/samples')).toBeUndefined();
    expect(await imageFileInfo(PUBLIC, '/../package.json')).toBeUndefined();
    expect(await imageFileInfo(PUBLIC, '/images/../../package.json')).toBeUndefined();
  });
});

describe('imageFileInfo on files of its own', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'image-file-'));
    mkdirSync(path.join(dir, 'images'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const png = readFileSync(path.join(PUBLIC, 'logo.png'));
  const jpeg = readFileSync(path.join(PUBLIC, 'images/samples/ice-shelf.jpg'));

  it('goes by the bytes, not the name: a PNG named .jpg is a PNG, text named .png is nothing', async () => {
    writeFileSync(path.join(dir, 'images', 'mislabelled.jpg'), png);
    writeFileSync(path.join(dir, 'images', 'notes.png'), 'not a picture');
    expect(await imageFileInfo(dir, '/images/mislabelled.jpg')).toEqual({ type: 'image/png', length: png.length });
    expect(await imageFileInfo(dir, '/images/notes.png')).toBeUndefined();
  });

  it('reads a file once per version: same time and size answer from memory, a new version is read again', async () => {
    const file = path.join(dir, 'images', 'x.jpg');
    const same = Buffer.alloc(png.length);
    jpeg.copy(same, 0, 0, Math.min(jpeg.length, same.length));
    writeFileSync(file, png);
    const stamp = new Date('2024-01-01T00:00:00Z');
    utimesSync(file, stamp, stamp);
    expect((await imageFileInfo(dir, '/images/x.jpg'))?.type).toBe('image/png');
    // Other bytes, same size and time: the remembered answer (proof the file is not read again).
    writeFileSync(file, same);
    utimesSync(file, stamp, stamp);
    expect((await imageFileInfo(dir, '/images/x.jpg'))?.type).toBe('image/png');
    // A new modification time is a new version.
    const later = new Date('2024-01-02T00:00:00Z');
    utimesSync(file, later, later);
    expect(await imageFileInfo(dir, '/images/x.jpg')).toEqual({ type: 'image/jpeg', length: png.length });
  });
});
