import { mkdtempSync, rmSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getLiveUpdateIds, getLivePage, getLiveUpdatePage } from './live';
import { getFileProblems, revalidationIndex } from './queries';
import { closeContentIndex, contentDb, refreshContentIndex } from './index/runtime';
import { writeContentFile, writeStoryFile } from './test-story-files';

let dir: string;
let work: string;

const LIVE = '{ status: live, coverageStart: 2024-01-01T10:00:00Z }';
const start = Date.parse('2024-01-01T10:00:00Z');
const minutes = (n: number) => new Date(start + n * 60_000).toISOString();

/** Writes content/live/<story>/<id>.mdx with these front matter lines. */
function update(story: string, id: string, fields: Record<string, string>, body = `Text of ${id}.`) {
  const lines = Object.entries({ title: `Update ${id}`, ...fields }).map(([k, v]) => `${k}: ${v}`);
  writeContentFile(dir, `live/${story}/${id}.mdx`, ['---', ...lines, '---', '', body, ''].join('\n'));
}

const ids = (page: Awaited<ReturnType<typeof getLivePage>>) => (page && page !== 'not-live' ? page.updates.map((u) => u.update.id) : page);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'live-test-'));
  work = mkdtempSync(path.join(tmpdir(), 'live-index-'));
  vi.stubEnv('CONTENT_DIR', dir);
  vi.stubEnv('CONTENT_INDEX_FILE', path.join(work, 'index.sqlite'));
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});
  writeContentFile(dir, 'sections.yaml', 'sections:\n  - id: world\n    name: World\n    description: The world.\n');
  writeContentFile(dir, 'authors/ana-ruiz.yaml', 'name: Ana Ruiz\nrole: Reporter\nbio: Reports.\n');
  writeContentFile(dir, 'authors/ben-ode.yaml', 'name: Ben Ode\nrole: Reporter\nbio: Reports.\n');
});

afterEach(async () => {
  await closeContentIndex();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('live coverage in the content index', () => {
  it('orders updates pinned first, then newest first, 20 to a page, and finds each one’s page', async () => {
    writeStoryFile(dir, 'storm', { live: LIVE });
    for (let i = 1; i <= 25; i++) update('storm', `u${String(i).padStart(2, '0')}`, { time: minutes(i) });
    update('storm', 'helplines', { time: minutes(3), pinned: 'true' });
    const now = Date.parse(minutes(100));
    const first = await getLivePage('storm', 1, { now });
    expect(ids(first)?.slice(0, 4)).toEqual(['helplines', 'u25', 'u24', 'u23']);
    const second = await getLivePage('storm', 2, { now });
    expect(ids(second)).toEqual(['u06', 'u05', 'u04', 'u03', 'u02', 'u01']);
    expect(first !== 'not-live' && first?.totalPages).toBe(2);
    expect(await getLivePage('storm', 3, { now })).toBeUndefined();
    expect(await getLiveUpdatePage('storm', 'u02', { now })).toEqual({ page: 2, shown: true });
    expect(await getLiveUpdatePage('storm', 'helplines', { now })).toEqual({ page: 1, shown: true });
    expect(await getLiveUpdatePage('storm', 'nothing', { now })).toEqual({ page: 1, shown: false });
    expect(await getLiveUpdatePage('nowhere', 'u02', { now })).toBeUndefined();
  });

  it('gives the prompt the status and the ids of the first page only, for a public live story', async () => {
    writeStoryFile(dir, 'storm', { live: LIVE });
    writeStoryFile(dir, 'plain');
    for (let i = 1; i <= 22; i++) update('storm', `u${i}`, { time: minutes(i) });
    update('storm', 'later', { time: minutes(500) });
    const ids = await getLiveUpdateIds('storm', { now: Date.parse(minutes(100)) });
    expect(ids?.status).toBe('live');
    expect(ids?.total).toBe(22);
    expect(ids?.updates.map((u) => u.id).slice(0, 3)).toEqual(['u22', 'u21', 'u20']);
    expect(ids?.updates).toHaveLength(20);
    expect(await getLiveUpdateIds('plain')).toBeUndefined();
    expect(await getLiveUpdateIds('nowhere')).toBeUndefined();
  });

  it('lists key events newest first with the page that holds each, and dates the page by its newest update', async () => {
    writeStoryFile(dir, 'storm', { live: LIVE });
    for (let i = 1; i <= 22; i++) update('storm', `u${i}`, { time: minutes(i), ...(i === 1 || i === 21 ? { key: 'true' } : {}) });
    const page = await getLivePage('storm', 1, { now: Date.parse(minutes(100)) });
    if (!page || page === 'not-live') throw new Error('expected a live page');
    expect(page.keyEvents.map((k) => [k.id, k.page])).toEqual([
      ['u21', 1],
      ['u1', 2],
    ]);
    expect(page.newestTime).toBe(minutes(22));
  });

  it('hides an update until its time, as a scheduled story, and shows it in preview', async () => {
    writeStoryFile(dir, 'storm', { live: LIVE });
    update('storm', 'now', { time: minutes(1) });
    update('storm', 'later', { time: minutes(60) });
    expect(ids(await getLivePage('storm', 1, { now: Date.parse(minutes(30)) }))).toEqual(['now']);
    expect(ids(await getLivePage('storm', 1, { now: Date.parse(minutes(30)), preview: true }))).toEqual(['later', 'now']);
    expect(ids(await getLivePage('storm', 1, { now: Date.parse(minutes(61)) }))).toEqual(['later', 'now']);
  });

  it('keeps an update’s last good version when its file breaks, names file, line and field, and drops a deleted one', async () => {
    writeStoryFile(dir, 'storm', { live: LIVE });
    update('storm', 'bridge', { time: minutes(1), title: 'Bridge closed' });
    const now = Date.parse(minutes(10));
    expect(ids(await getLivePage('storm', 1, { now }))).toEqual(['bridge']);
    update('storm', 'bridge', { time: 'at noon', title: 'Bridge reopened', authors: '[nobody]' });
    await refreshContentIndex(['live/storm/bridge.mdx']);
    const page = await getLivePage('storm', 1, { now });
    expect(page !== 'not-live' && page?.updates[0]?.update.title).toBe('Bridge closed');
    const problems = getFileProblems(await contentDb(), 'live/storm/bridge.mdx');
    expect(problems.map((p) => [p.rule, p.line, p.field])).toEqual([
      ['update.shape', 3, 'time'],
      ['update.author-exists', 4, 'authors.0'],
    ]);
    unlinkSync(path.join(dir, 'live/storm/bridge.mdx'));
    await refreshContentIndex(['live/storm/bridge.mdx']);
    expect(ids(await getLivePage('storm', 1, { now }))).toEqual([]);
  });

  it('keeps updates written before their story went live, and shows them once it does', async () => {
    writeStoryFile(dir, 'storm');
    update('storm', 'first', { time: minutes(1) });
    const now = Date.parse(minutes(10));
    expect(await getLivePage('storm', 1, { now })).toBe('not-live');
    writeStoryFile(dir, 'storm', { live: LIVE });
    await refreshContentIndex(['articles/storm.mdx']);
    expect(ids(await getLivePage('storm', 1, { now }))).toEqual(['first']);
  });

  it('publishes an update that named a new author once the author’s file arrives, as a story would be', async () => {
    writeStoryFile(dir, 'storm', { live: LIVE });
    update('storm', 'first', { time: minutes(1), authors: '[cai-new]' });
    const now = Date.parse(minutes(10));
    expect(ids(await getLivePage('storm', 1, { now }))).toEqual([]);
    writeContentFile(dir, 'authors/cai-new.yaml', 'name: Cai New\nrole: Reporter\nbio: Reports.\n');
    // The push names only the author file: the update waiting for it is read again.
    await refreshContentIndex(['authors/cai-new.yaml']);
    expect(ids(await getLivePage('storm', 1, { now }))).toEqual(['first']);
    expect(getFileProblems(await contentDb(), 'live/storm/first.mdx')).toEqual([]);
  });

  it('sees an update in a story folder created while the server runs, through the watcher', async () => {
    writeStoryFile(dir, 'storm', { live: LIVE });
    const now = Date.parse(minutes(10));
    expect(ids(await getLivePage('storm', 1, { now }))).toEqual([]);
    update('storm', 'arrived', { time: minutes(1) });
    const deadline = Date.now() + 2000;
    let seen: unknown;
    while (Date.now() < deadline) {
      seen = ids(await getLivePage('storm', 1, { now }));
      if (Array.isArray(seen) && seen.length) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(seen).toEqual(['arrived']);
  });

  it('tells push-to-publish how many pages a public live story has, and none for other stories', async () => {
    writeStoryFile(dir, 'storm', { live: LIVE });
    writeStoryFile(dir, 'plain');
    for (let i = 1; i <= 21; i++) update('storm', `u${i}`, { time: minutes(i) });
    const index = await revalidationIndex();
    expect(index.livePages('storm')).toBe(2);
    expect(index.livePages('plain')).toBe(0);
    expect(index.livePages('nowhere')).toBe(0);
  });
});
