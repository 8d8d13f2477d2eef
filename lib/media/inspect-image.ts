import 'server-only';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { MAX_INPUT_PIXELS } from '@/lib/seo/input-pixels';

/** What the content check needs to know of a picture file: its pixels, and whether it says where it was taken. */
export type ImageFacts = { width: number; height: number; hasLocation: boolean };

/** Files under public/ that browsers show as pictures, and that may carry EXIF or XMP. */
const PICTURE_FILE = /\.(jpe?g|png|webp|avif|tiff?|heic)$/i;

/**
 * Reads a picture's size and looks for location data: a GPS block in its EXIF (with a latitude or
 * longitude) or GPS fields in its XMP. Undefined when the file is not a picture sharp can read.
 */
export async function inspectImage(file: string): Promise<ImageFacts | undefined> {
  try {
    const meta = await sharp(file, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
    if (!meta.width || !meta.height) return undefined;
    // EXIF orientation 5-8 turns the picture a quarter: what readers see is the other way round.
    const turned = (meta.orientation ?? 1) >= 5;
    return {
      width: turned ? meta.height : meta.width,
      height: turned ? meta.width : meta.height,
      hasLocation:
        (meta.exif ? exifHasGps(meta.exif) : false) || (meta.xmp ? /GPS(Latitude|Longitude)/.test(meta.xmp.toString('latin1')) : false),
    };
  } catch {
    return undefined;
  }
}

/** Every picture file under `dir`, as site paths ("/images/x.jpg"), for the check of location data. */
export async function listPictureFiles(dir: string, prefix = ''): Promise<string[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ path.join(dir, prefix), { withFileTypes: true }).catch(() => []);
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? listPictureFiles(dir, `${prefix}/${e.name}`)
        : Promise.resolve(PICTURE_FILE.test(e.name) ? [`${prefix}/${e.name}`] : []),
    ),
  );
  return nested.flat().sort();
}

const GPS_IFD_POINTER = 0x8825;
const GPS_LATITUDE = 0x0002;
const GPS_LONGITUDE = 0x0004;

/**
 * Whether raw EXIF (as sharp gives it: "Exif\0\0", then a TIFF header) has a GPS block with a
 * latitude or longitude. A block with only a time or a datum says nothing of where.
 */
export function exifHasGps(exif: Buffer): boolean {
  const start = exif.subarray(0, 6).toString('latin1') === 'Exif\0\0' ? 6 : 0;
  const tiff = exif.subarray(start);
  if (tiff.length < 8) return false;
  const little = tiff.subarray(0, 2).toString('latin1') === 'II';
  const u16 = (at: number) => (at + 2 <= tiff.length ? (little ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at)) : undefined);
  const u32 = (at: number) => (at + 4 <= tiff.length ? (little ? tiff.readUInt32LE(at) : tiff.readUInt32BE(at)) : undefined);
  const tagsOf = (ifd: number) => {
    const count = u16(ifd) ?? 0;
    const tags = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const entry = ifd + 2 + i * 12;
      const tag = u16(entry);
      const value = u32(entry + 8);
      if (tag === undefined || value === undefined) break;
      tags.set(tag, value);
    }
    return tags;
  };
  const first = u32(4);
  if (first === undefined) return false;
  const gps = tagsOf(first).get(GPS_IFD_POINTER);
  if (gps === undefined) return false;
  const gpsTags = tagsOf(gps);
  return gpsTags.has(GPS_LATITUDE) || gpsTags.has(GPS_LONGITUDE);
}
