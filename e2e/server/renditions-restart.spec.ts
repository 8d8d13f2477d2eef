import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startServer, type RunningServer } from '../support/server';

// Renditions are derived from the files (ADR 0016): a folder lost while no server ran is made again
// by the next start, in the background, before any reader asks for one of its files.
test('a rendition folder deleted while no server ran is made again at start, unasked', async () => {
  test.setTimeout(180_000);
  const work = mkdtempSync(path.join(tmpdir(), 'news-rebeat-renditions-'));
  const media = path.join(work, 'media');
  cpSync(path.resolve('.media'), media, { recursive: true });
  // The index outside the build copy, so the second start keeps it, as a restarted server does.
  const env = { MEDIA_DIR: media, CONTENT_INDEX_FILE: path.join(work, 'index.sqlite') };
  let server: RunningServer | undefined;
  try {
    server = await startServer({ isolated: true, env });
    const html = await (await fetch(`${server.url}/articles/lake-oren-singing-ice-shelf`)).text();
    const key = /\/media\/([0-9a-f]{16})\//.exec(html)?.[1];
    expect(key, 'the story names a rendition').toBeDefined();
    const folder = path.join(media, key!);
    const files = readdirSync(folder)
      .filter((f) => f !== 'done')
      .sort();
    await server.stop();

    rmSync(folder, { recursive: true });
    server = await startServer({ isolated: true, env });
    expect(server.output()).not.toContain('index missing');
    await expect.poll(() => existsSync(path.join(folder, 'done')), { timeout: 60_000 }).toBe(true);
    expect(server.output()).toMatch(/\[media\] renditions made again for \d+ picture\(s\)/);
    expect(
      readdirSync(folder)
        .filter((f) => f !== 'done')
        .sort(),
    ).toEqual(files);
    const rendition = await fetch(`${server.url}/media/${key}/${files[0]}`);
    expect(rendition.status).toBe(200);
    expect(rendition.headers.get('cache-control')).toContain('immutable');
  } finally {
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  }
});
