import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatProblem } from '../problems';
import { buildRelatedModel } from '../related-ranking';
import { writeContentFile, writeStoryFile } from '../test-story-files';
import {
  getStory,
  getListingPage,
  getNewestStories,
  getPublishedStories,
  getRelated,
  getStoryForPage,
  getTag,
  revalidationIndex,
} from '../queries';
import { indexFile } from './database';
import { closeContentIndex, contentDb, indexStatus, refreshContentIndex, whileFilesChange } from './runtime';

let dir: string;
let work: string;

const write = (relative: string, text: string) => writeContentFile(dir, relative, text);
const story = (slug: string, fields: Record<string, string> = {}, body?: string) => writeStoryFile(dir, slug, fields, body);

const slugs = async () => (await getPublishedStories()).map((a) => a.slug);

/** A restart: the process forgets its index; the file stays. */
async function restart() {
  await closeContentIndex();
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'content-test-'));
  work = mkdtempSync(path.join(tmpdir(), 'index-test-'));
  vi.stubEnv('CONTENT_DIR', dir);
  vi.stubEnv('CONTENT_INDEX_FILE', path.join(work, 'index.sqlite'));
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'log').mockImplementation(() => {});
  write(
    'sections.yaml',
    'sections:\n  - id: world\n    name: World\n    description: The world.\n  - id: business\n    name: Business\n    description: Money.\n',
  );
  write('authors/ana-ruiz.yaml', 'name: Ana Ruiz\nrole: Reporter\nbio: Reports.\n');
});

afterEach(async () => {
  await closeContentIndex();
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

describe('content index', () => {
  it('lists valid stories newest first, and leaves out one with an unknown author naming file, line and field', async () => {
    story('older', { publishedAt: '2024-01-01T10:00:00Z' });
    story('newer', { publishedAt: '2024-02-01T10:00:00+01:00' });
    story('orphan', { authors: '[ana-ruiz, nobody-here]' });
    expect(await slugs()).toEqual(['newer', 'older']);
    const logged = vi.mocked(console.error).mock.calls.map((c) => String(c[0]));
    expect(
      logged.some((l) => /orphan\.mdx:\d+:\d+ authors\.1: expected the id of a file in content\/authors\/.*got "nobody-here"/.test(l)),
    ).toBe(true);
  });

  it('sees a file added, edited, broken and deleted while the server runs', async () => {
    story('one');
    expect(await slugs()).toEqual(['one']);
    story('two', { publishedAt: '2024-03-01T00:00:00Z' });
    await refreshContentIndex(['articles/two.mdx']);
    expect(await slugs()).toEqual(['two', 'one']);
    story('two', { publishedAt: '2024-03-01T00:00:00Z', title: 'Edited headline' });
    await refreshContentIndex(['articles/two.mdx']);
    expect((await getStory('two'))?.title).toBe('Edited headline');
    // Broken: readers keep its last good version; preview shows what is wrong.
    story('two', { publishedAt: 'yesterday', title: 'Broken headline' });
    await refreshContentIndex(['articles/two.mdx']);
    expect((await getStory('two'))?.title).toBe('Edited headline');
    const preview = await getStoryForPage('two', { preview: true });
    expect(preview?.kind).toBe('problems');
    if (preview?.kind === 'problems')
      expect(preview.problems.map(formatProblem).join('\n')).toMatch(/two\.mdx:\d+:\d+ publishedAt: expected an ISO 8601 date/);
    unlinkSync(path.join(dir, 'articles/two.mdx'));
    await refreshContentIndex(['articles/two.mdx']);
    expect(await slugs()).toEqual(['one']);
    expect(await getStoryForPage('two')).toBeUndefined();
  });

  it('picks up a changed file through the directory watcher within a second', async () => {
    story('watched', { title: 'First' });
    expect((await getStory('watched'))?.title).toBe('First');
    story('watched', { title: 'Second' });
    const deadline = Date.now() + 1000;
    let title = '';
    while (Date.now() < deadline) {
      title = (await getStory('watched'))?.title ?? '';
      if (title === 'Second') break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(title).toBe('Second');
  });

  it('reads nothing while a checkout rewrites the files, then all of them at once', async () => {
    story('first', { title: 'Old first', publishedAt: '2024-01-01T00:00:00Z' });
    story('second', { title: 'Old second', publishedAt: '2024-01-02T00:00:00Z' });
    expect((await getStory('first'))?.title).toBe('Old first');
    const titles = async () => [(await getStory('first'))?.title, (await getStory('second'))?.title];
    const seen: (string | undefined)[][] = [];
    await whileFilesChange(async () => {
      // A checkout half done, with readers asking, and the watcher's events long arrived.
      story('first', { title: 'New first', publishedAt: '2024-01-01T00:00:00Z' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      seen.push(await titles());
      story('second', { title: 'New second', publishedAt: '2024-01-02T00:00:00Z' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      seen.push(await titles());
      return { ok: true };
    });
    expect(seen).toEqual([
      ['Old first', 'Old second'],
      ['Old first', 'Old second'],
    ]);
    expect(await titles()).toEqual(['New first', 'New second']);
  });

  it('goes from the old checkout to the new in one step, however many files a pull rewrote', async () => {
    // More stories than one write step of a reconcile (500): written in steps, readers would see a mix.
    const many = Array.from({ length: 620 }, (_, i) => `s${String(i).padStart(3, '0')}`);
    many.forEach((slug) => story(slug, { title: 'Old edition' }));
    const editions = async () => new Set((await getPublishedStories()).map((a) => a.title));
    expect(await editions()).toEqual(new Set(['Old edition']));
    const seen = new Set<string>();
    const reading = { on: true };
    const reader = (async () => {
      while (reading.on) {
        seen.add([...(await editions())].sort().join(' + '));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await whileFilesChange(() => {
      many.forEach((slug) => story(slug, { title: 'New edition' }));
      return Promise.resolve({ ok: true });
    });
    reading.on = false;
    await reader;
    expect(await editions()).toEqual(new Set(['New edition']));
    // Read all along (the old archive was seen), and never a mix.
    expect(seen.has('Old edition')).toBe(true);
    expect([...seen].filter((s) => s.includes('+'))).toEqual([]);
  }, 60_000);

  it('keeps the archive as it was after a pull fails halfway, until one succeeds', async () => {
    story('first', { title: 'Old first' });
    story('second', { title: 'Old second' });
    const titles = async () => [(await getStory('first'))?.title, (await getStory('second'))?.title];
    expect(await titles()).toEqual(['Old first', 'Old second']);
    const failed = await whileFilesChange(() => {
      story('first', { title: 'New first' });
      return Promise.resolve({ ok: false });
    });
    expect(failed.ok).toBe(false);
    // The watcher has seen the half-written checkout, and a refresh is asked for: nothing is read.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await refreshContentIndex();
    expect(await titles()).toEqual(['Old first', 'Old second']);
    expect(vi.mocked(console.error).mock.calls.some((c) => String(c[0]).includes('could not be updated'))).toBe(true);
    await whileFilesChange(() => {
      story('second', { title: 'New second' });
      return Promise.resolve({ ok: true });
    });
    expect(await titles()).toEqual(['New first', 'New second']);
  });

  it('finds the last good version in git when the index holds none (rebuilt, or a new machine)', async () => {
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Desk', '-c', 'user.email=desk@example.invalid', '-c', 'init.defaultBranch=main', ...args], {
        cwd: dir,
        stdio: 'pipe',
      });
    git('init', '-q');
    story('kept', { title: 'The good version' });
    story('never-good', { publishedAt: 'nonsense' });
    git('add', '-A');
    git('commit', '-qm', 'first');
    story('kept', { title: 'A broken version', publishedAt: 'nonsense' });
    git('commit', '-qam', 'broken');
    // Broken again, uncommitted: the newest version in history is broken too; the one before is good.
    story('kept', { title: 'Broken, not committed', publishedAt: 'also nonsense' });
    expect((await getStory('kept'))?.title).toBe('The good version');
    expect((await getStoryForPage('kept'))?.kind).toBe('story');
    expect(await getStoryForPage('never-good')).toBeUndefined();
    const logged = vi.mocked(console.error).mock.calls.map((c) => String(c[0]));
    expect(logged.some((l) => /story kept has errors; its last good version, from git \(commit [0-9a-f]+ \d{4}-\d\d-\d\d\)/.test(l))).toBe(
      true,
    );
    // Fixed: the file is the story again.
    story('kept', { title: 'Fixed' });
    await refreshContentIndex(['articles/kept.mdx']);
    expect((await getStory('kept'))?.title).toBe('Fixed');
  });

  it('never shows a story that never had a good version, and answers like an unknown URL', async () => {
    story('bad-draft', { draft: 'true', publishedAt: 'nonsense' });
    story('bad-body', {}, 'Hello {danger}');
    expect(await getStoryForPage('bad-draft')).toBeUndefined();
    expect(await getStoryForPage('bad-body')).toBeUndefined();
    expect(await getStoryForPage('never-existed')).toBeUndefined();
  });

  it('answers for a draft whose file broke exactly as for a URL that never existed', async () => {
    story('quiet-draft', { draft: 'true' });
    expect(await getStoryForPage('quiet-draft')).toBeUndefined();
    story('quiet-draft', { draft: 'true', publishedAt: 'nonsense' });
    await refreshContentIndex(['articles/quiet-draft.mdx']);
    expect(await getStoryForPage('quiet-draft')).toBeUndefined();
    expect(await getStoryForPage('quiet-draft')).toEqual(await getStoryForPage('no-such-story'));
    expect((await getStoryForPage('quiet-draft', { preview: true }))?.kind).toBe('problems');
  });

  it('hides drafts, scheduled stories and, when asked, samples; a scheduled story appears at its time', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2024-06-01T00:00:00Z') });
    try {
      story('live');
      story('draft', { draft: 'true' });
      story('later', { publishedAt: '2024-06-01T00:00:10Z' });
      story('demo', { sample: 'true' });
      expect(await slugs()).toEqual(['demo', 'live']);
      expect((await getListingPage('section', 'world', 1))?.totalItems).toBe(2);
      vi.stubEnv('HIDE_SAMPLES', '1');
      expect(await slugs()).toEqual(['live']);
      vi.unstubAllEnvs();
      vi.stubEnv('CONTENT_DIR', dir);
      vi.stubEnv('CONTENT_INDEX_FILE', path.join(work, 'index.sqlite'));
      vi.setSystemTime(Date.parse('2024-06-01T00:00:11Z'));
      expect(await slugs()).toEqual(['later', 'demo', 'live']);
      expect((await getListingPage('section', 'world', 1))?.totalItems).toBe(3);
      expect(await getStoryForPage('draft')).toBeUndefined();
      expect((await getStoryForPage('draft', { preview: true }))?.kind).toBe('story');
    } finally {
      vi.useRealTimers();
    }
  });

  it('opens the same index after a restart without reading or compiling anything, and sees what changed meanwhile', async () => {
    story('a');
    story('b', { publishedAt: '2024-02-01T00:00:00Z' });
    expect(await slugs()).toEqual(['b', 'a']);
    await restart();
    await contentDb();
    expect(indexStatus()).toMatchObject({ state: 'ready', filesParsed: 0 });
    expect(indexStatus().rebuilt).toBeUndefined();
    await restart();
    story('c', { publishedAt: '2024-03-01T00:00:00Z' });
    await contentDb();
    await refreshContentIndex();
    expect(await slugs()).toEqual(['c', 'b', 'a']);
    expect(indexStatus().filesParsed).toBe(1);
  });

  it('rebuilds a deleted or corrupt index from the files, with the same result', async () => {
    story('a', { tags: '[Ports, Ferries]' });
    story('b', { tags: '[Ports]', section: 'business' });
    const before = {
      list: await slugs(),
      related: (await getRelated((await getStory('a'))!)).map((r) => r.story.slug),
      tag: await getTag('ports'),
    };
    await restart();
    rmSync(indexFile(dir));
    expect(await slugs()).toEqual(before.list);
    expect(indexStatus().rebuilt?.reason).toBe('missing');
    expect((await getRelated((await getStory('a'))!)).map((r) => r.story.slug)).toEqual(before.related);
    expect(await getTag('ports')).toEqual(before.tag);
    await restart();
    writeFileSync(indexFile(dir), 'this is not a database');
    expect(await slugs()).toEqual(before.list);
    expect(indexStatus().rebuilt?.reason).toBe('corrupt');
  });
});

describe('listings, tags and related stories', () => {
  it('pages a section newest first with counts, and 404s (undefined) past the last page', async () => {
    for (let i = 0; i < 25; i++) story(`s-${i}`, { publishedAt: `2024-01-${String(i + 1).padStart(2, '0')}T00:00:00Z` });
    const first = await getListingPage('section', 'world', 1);
    expect(first).toMatchObject({ page: 1, totalPages: 2, totalItems: 25 });
    expect(first!.items[0]!.slug).toBe('s-24');
    expect((await getListingPage('section', 'world', 2))!.items.map((a) => a.slug)).toEqual(['s-4', 's-3', 's-2', 's-1', 's-0']);
    expect(await getListingPage('section', 'world', 3)).toBeUndefined();
    expect((await getNewestStories(3)).map((a) => a.slug)).toEqual(['s-24', 's-23', 's-22']);
  });

  it('names a tag as its newest story spells it and ranks stories that share a rare tag first', async () => {
    story('subject', { tags: '[Velmora, Diplomacy]', title: 'Velmora summit on pipelines' });
    story('shares-rare', { tags: '[velmora]', publishedAt: '2024-01-02T00:00:00Z', title: 'Pipeline deal' });
    story('shares-common', { tags: '[Diplomacy]', section: 'business' });
    story('same-section-only', { title: 'Harbour festival' });
    expect(await getTag('velmora')).toEqual({ slug: 'velmora', name: 'velmora', stories: 2 });
    const related = await getRelated((await getStory('subject'))!);
    expect(related.map((r) => r.story.slug)).toEqual(['shares-rare', 'shares-common', 'same-section-only']);
    expect(related[2]!.why).toMatchObject({ topical: false, section: 1 });
  });

  it('picks the same section neighbours from the index as from memory when many share a time', async () => {
    story('subject', { title: 'Velmora', dek: 'Harbour.' });
    // Twenty later stories at one time: the nearest twelve are a tie, broken by slug.
    for (let i = 0; i < 20; i++) story(`n-${String(i).padStart(2, '0')}`, { title: `Quay${i}`, publishedAt: '2024-01-02T10:00:00Z' });
    const fromIndex = (await getRelated((await getStory('subject'))!, 5)).map((r) => r.story.slug);
    const fromMemory = buildRelatedModel(await getPublishedStories(), 5)
      .get('subject')!
      .map((r) => r.slug);
    expect(fromIndex).toEqual(['n-00', 'n-01', 'n-02', 'n-03', 'n-04']);
    expect(fromIndex).toEqual(fromMemory);
  });

  it('remembers, across restarts, where a deleted story was listed', async () => {
    story('gone', { tags: '[Port Calder]', section: 'business' });
    await slugs();
    unlinkSync(path.join(dir, 'articles/gone.mdx'));
    await refreshContentIndex(['articles/gone.mdx']);
    await restart();
    const index = await revalidationIndex();
    expect(index.isKnown('gone')).toBe(false);
    expect(index.listedUnder('gone')).toEqual({ sections: ['business'], tags: ['Port Calder'], authors: ['ana-ruiz'] });
  });

  it('counts a listing’s pages from the index, so a deletion reaches its later pages', async () => {
    for (let i = 0; i < 21; i++) story(`port-${i}`, { tags: '[Port Calder]', section: 'business' });
    await slugs();
    const before = await revalidationIndex({ sitemapParts: 2 });
    expect([
      before.listingPages('section', 'business'),
      before.listingPages('tag', 'Port Calder'),
      before.listingPages('tag', 'port-calder'),
    ]).toEqual([2, 2, 2]);
    expect(before.sitemapParts()).toBe(2);
    unlinkSync(path.join(dir, 'articles/port-0.mdx'));
    await refreshContentIndex(['articles/port-0.mdx']);
    expect((await revalidationIndex()).listingPages('section', 'business')).toBe(1);
  });
});
