import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp, { type Sharp } from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { exifHasGps, inspectImage, listPictureFiles } from './inspect-image';

const dir = mkdtempSync(path.join(os.tmpdir(), 'inspect-image-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const picture = (width = 40, height = 30) => sharp({ create: { width, height, channels: 3, background: { r: 90, g: 120, b: 60 } } });
const GPS = { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 0/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 0/1' };

describe('inspectImage', () => {
  it('reads the size of a real sample, which says nothing of where it was drawn', async () => {
    expect(await inspectImage('public/images/samples/ice-shelf.jpg')).toEqual({ width: 2400, height: 1350, hasLocation: false });
  });

  it('finds GPS coordinates in EXIF, in JPEG and PNG alike', async () => {
    for (const [name, encode] of [
      ['gps.jpg', (s: Sharp) => s.jpeg()],
      ['gps.png', (s: Sharp) => s.png()],
    ] as const) {
      const file = path.join(dir, name);
      await encode(picture().withExif({ IFD0: { Make: 'Camera' }, IFD3: GPS })).toFile(file);
      expect((await inspectImage(file))?.hasLocation).toBe(true);
    }
  });

  it('does not flag EXIF without a position: a camera model, or a GPS block holding only a time', async () => {
    const camera = path.join(dir, 'camera.jpg');
    await picture()
      .jpeg()
      .withExif({ IFD0: { Make: 'Camera', Model: 'X' } })
      .toFile(camera);
    expect((await inspectImage(camera))?.hasLocation).toBe(false);
    const timeOnly = path.join(dir, 'time-only.jpg');
    await picture()
      .jpeg()
      .withExif({ IFD0: { Make: 'Camera' }, IFD3: { GPSDateStamp: '2026:12:05' } })
      .toFile(timeOnly);
    expect((await inspectImage(timeOnly))?.hasLocation).toBe(false);
  });

  it('finds GPS fields in XMP', async () => {
    const file = path.join(dir, 'xmp.jpg');
    const xmp = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" exif:GPSLatitude="51,30.0N"/></rdf:RDF></x:xmpmeta>`;
    await picture().jpeg().withXmp(xmp).toFile(file);
    expect((await inspectImage(file))?.hasLocation).toBe(true);
  });

  it('gives the size readers see for a picture turned by its EXIF orientation', async () => {
    const file = path.join(dir, 'turned.jpg');
    await picture(40, 30).jpeg().withMetadata({ orientation: 6 }).toFile(file);
    expect(await inspectImage(file)).toMatchObject({ width: 30, height: 40 });
  });

  it('answers undefined for what is not a picture, and for no file', async () => {
    expect(await inspectImage('package.json')).toBeUndefined();
    expect(await inspectImage(path.join(dir, 'none.jpg'))).toBeUndefined();
  });
});

describe('exifHasGps', () => {
  it('survives truncated and foreign data', () => {
    expect(exifHasGps(Buffer.from('Exif\0\0II'))).toBe(false);
    expect(exifHasGps(Buffer.alloc(0))).toBe(false);
    // A TIFF header whose first directory claims more entries than there are bytes.
    expect(exifHasGps(Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0xff, 0x00]))).toBe(false);
  });
});

describe('listPictureFiles', () => {
  it('lists picture files under public/ as site paths, in nested folders, and nothing else', async () => {
    const files = await listPictureFiles('public');
    expect(files).toEqual(expect.arrayContaining(['/images/samples/ice-shelf.jpg', '/logo.png']));
    expect(files.every((f) => /\.(jpe?g|png|webp|avif|tiff?|heic)$/i.test(f))).toBe(true);
  });
});
