import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cropResponse } from './crop';
import { MAX_INPUT_PIXELS } from './input-pixels';

let dir: string;
const previous = process.env.PUBLIC_DIR;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'crop-'));
  process.env.PUBLIC_DIR = dir;
  const png = (width: number, height: number) =>
    sharp({ create: { width, height, channels: 3, background: '#336699' } }).png({ compressionLevel: 1 });
  // Just over the limit: a 16000x16000 PNG is the same refusal, but slow to make.
  await png(MAX_INPUT_PIXELS / 5000 + 10, 5000).toFile(path.join(dir, 'huge.png'));
  await png(400, 300).toFile(path.join(dir, 'small.png'));
}, 60_000);

afterAll(() => {
  if (previous === undefined) delete process.env.PUBLIC_DIR;
  else process.env.PUBLIC_DIR = previous;
  rmSync(dir, { recursive: true, force: true });
});

describe('cropResponse', () => {
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

  it('refuses another spelling of a real image', async () => {
    const res = await cropResponse('1x1', ['./small.png']);
    expect(res.status).toBe(404);
  });
});
