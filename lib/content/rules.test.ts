import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkContent } from './check';
import { withFreshIndex } from './index/reconcile';
import { formatProblem } from './problems';
import { CONTENT_RULES, runStoryRules } from './rules';
import { writeContentFile, writeStoryFile } from './test-story-files';

let dir: string;

const write = (relative: string, text: string) => writeContentFile(dir, relative, text);
const story = (slug: string, fields: Record<string, string> = {}, body?: string) => writeStoryFile(dir, slug, fields, body);

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rules-test-'));
  write('sections.yaml', 'sections:\n  - id: world\n    name: World\n    description: The world.\n');
  write('authors/ana-ruiz.yaml', 'name: Ana Ruiz\nrole: Reporter\nbio: Reports.\n');
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

const at = (slug: string) => `${dir}/articles/${slug}.mdx`;
/** What the check reports, and which stories the server's reconcile publishes from the same files. */
async function checkAndServe() {
  const report = await checkContent(dir, path.join(dir, 'public'));
  const served = await withFreshIndex(dir, (db) =>
    Promise.resolve((db.prepare('SELECT slug FROM stories ORDER BY slug').all() as { slug: string }[]).map((r) => r.slug)),
  );
  return { lines: report.problems.map((p) => `${p.severity} ${formatProblem(p)}`), problems: report.problems, served };
}

describe('the content rules registry', () => {
  it('reports all five mistakes of one file in one run: date, section, author, <Script> and {danger}', async () => {
    story(
      'five-mistakes',
      { publishedAt: 'yesterday', section: 'sport', authors: '[nobody]' },
      'Text.\n\n<Script src="x.js" />\n\nA {danger} here.',
    );
    const { lines } = await checkAndServe();
    expect(lines).toEqual([
      `error ${at('five-mistakes')}:4:1 section: expected a section id from content/sections.yaml (world), got "sport"`,
      `error ${at('five-mistakes')}:5:11 authors.0: expected the id of a file in content/authors/ (ana-ruiz), got "nobody"`,
      `error ${at('five-mistakes')}:6:1 publishedAt: expected an ISO 8601 date with offset (e.g. 2023-02-18T09:00:00+00:00), got "yesterday"`,
      `error ${at('five-mistakes')}:11:1 body: unknown component <Script>: expected one of PullQuote, Figure, Gallery, Embed (see docs/editing.md)`,
      `error ${at('five-mistakes')}:13:3 body: JavaScript expressions are not allowed in stories, found {danger}: to show a curly brace, write \\{`,
    ]);
  });

  it('reports a body’s mistakes in the same run as broken YAML above it', async () => {
    write('articles/bad-yaml.mdx', '---\ntitle: [unclosed\nsection: world\n---\n\nText.\n\nA {danger} here.\n');
    const { lines, served } = await checkAndServe();
    expect(lines.map((l) => l.replace(/: .*/, ''))).toEqual([`error ${at('bad-yaml')}:3:1 YAML`, `error ${at('bad-yaml')}:8:3 body`]);
    expect(served).not.toContain('bad-yaml');
  });

  it('reports an author file’s bad name and bad fields in one run', async () => {
    write('authors/Bad_Name.yaml', 'name: Bad Name\nrole: 7\n');
    const { lines } = await checkAndServe();
    const author = lines.filter((l) => l.includes('Bad_Name.yaml')).map((l) => l.replace(/: expected.*/, ''));
    expect(author).toEqual([
      `error ${dir}/authors/Bad_Name.yaml:1:1 id`,
      `error ${dir}/authors/Bad_Name.yaml:1:1 bio`,
      `error ${dir}/authors/Bad_Name.yaml:2:1 role`,
    ]);
  });

  it('publishes on the server exactly the stories the check accepts (warnings publish, errors do not)', async () => {
    story('fine');
    story('long-dek', { dek: 'x'.repeat(201) });
    story('tag-without-letters', { tags: '["!!"]' });
    story('in-a-reserved-section', { section: 'search' });
    write(
      'sections.yaml',
      'sections:\n  - id: world\n    name: World\n    description: The world.\n  - id: search\n    name: Search\n    description: Taken by the search page.\n',
    );
    const { problems, served } = await checkAndServe();
    const refused = new Set(problems.filter((p) => p.severity === 'error').map((p) => path.basename(p.file, '.mdx')));
    expect(served).toEqual(['fine', 'long-dek']);
    expect(['fine', 'long-dek', 'tag-without-letters', 'in-a-reserved-section'].filter((s) => !refused.has(s)).sort()).toEqual(served);
    expect(problems.map((p) => `${p.severity} ${p.rule}`).sort()).toEqual([
      'error sections.reserved-id',
      'error story.section-exists',
      'error story.tag-letters',
      'warning story.dek-length',
    ]);
  });

  it('rates each rule once, under a unique id that every problem carries', async () => {
    const ids = CONTENT_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    story('broken', { publishedAt: 'soon' }, '<Nope />');
    write('articles/notes.txt', 'not a story');
    const { problems } = await checkAndServe();
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) expect(CONTENT_RULES.find((r) => r.id === p.rule)?.severity).toBe(p.severity);
  });

  it('refuses a protocol-relative image path in front matter, as <Figure> does', () => {
    const source = [
      '---',
      'title: T',
      'dek: D.',
      'section: world',
      'authors: [a]',
      'publishedAt: 2024-01-01T10:00:00Z',
      'image: { src: "//host/x.jpg", alt: A, width: 1, height: 1 }',
      '---',
      '',
    ].join('\n');
    const { problems } = runStoryRules('content/articles/t.mdx', source);
    expect(problems.map((p) => p.rule)).toEqual(['image.path']);
    expect(problems.map(formatProblem)).toEqual([
      'content/articles/t.mdx:7:10 image.src: expected an image path under public/ starting with "/" (e.g. /images/story.jpg), got "//host/x.jpg"',
    ]);
  });
});

describe('live coverage rules (ADR 0011)', () => {
  it('asks for coverageEnd exactly when coverage has ended, after it began', () => {
    const rules = (live: string) =>
      runStoryRules(
        'x.mdx',
        `---\ntitle: T\ndek: D\nsection: world\nauthors: [ana-ruiz]\npublishedAt: 2024-01-01T10:00:00Z\nlive: ${live}\n---\n\nBody.\n`,
      ).problems.map((p) => `${p.rule} ${p.line} ${p.field}: ${p.message}`);
    expect(rules('{ status: live, coverageStart: 2024-01-01T10:00:00Z }')).toEqual([]);
    expect(rules('{ status: ended, coverageStart: 2024-01-01T10:00:00Z, coverageEnd: 2024-01-02T10:00:00Z }')).toEqual([]);
    expect(rules('{ status: live, coverageStart: 2024-01-01T10:00:00Z, coverageEnd: 2024-01-02T10:00:00Z }')).toEqual([
      expect.stringMatching(/^story\.live-coverage 7 live\.coverageEnd: expected no coverageEnd while the status is live/),
    ]);
    expect(rules('{ status: ended, coverageStart: 2024-01-01T10:00:00Z }')).toEqual([
      expect.stringMatching(/^story\.live-coverage 7 live\.coverageEnd: expected coverageEnd/),
    ]);
    expect(rules('{ status: ended, coverageStart: 2024-01-02T10:00:00Z, coverageEnd: 2024-01-01T10:00:00Z }')).toEqual([
      expect.stringMatching(/^story\.live-coverage 7 live\.coverageEnd: expected a time after coverageStart/),
    ]);
    expect(rules('{ status: paused, coverageStart: 2024-01-01T10:00 }')).toEqual([
      expect.stringMatching(/^story\.shape 7 live\.status: expected live or ended/),
      expect.stringMatching(/^story\.shape 7 live\.coverageStart: expected an ISO 8601 date with offset/),
    ]);
  });

  it('checks every update file like a story and reports updates whose folder names no live story, each at file and line', async () => {
    story('storm', { live: '{ status: live, coverageStart: 2024-01-01T10:00:00Z }' });
    story('plain');
    write('live/storm/good.mdx', '---\ntime: 2024-01-01T11:00:00Z\ntitle: Fine\n---\n\nText.\n');
    write(
      'live/storm/Bad_Name.mdx',
      '---\ntime: 2024-01-01T11:00\ntitle: ""\nauthors: [nobody]\ncorrections:\n  - date: 2023-12-31T00:00:00Z\n    text: Fixed.\n---\n\n<Script />\n',
    );
    write(
      'live/storm/links.mdx',
      '---\ntime: 2024-01-01T11:00:00Z\ntitle: Links\n---\n\n[gone](/articles/no-such-story), [here](/live/storm).\n',
    );
    write('live/plain/orphan.mdx', '---\ntime: 2024-01-01T11:00:00Z\ntitle: Lost\n---\n\nText.\n');
    write('live/nowhere/orphan.mdx', '---\ntime: 2024-01-01T11:00:00Z\ntitle: Lost\n---\n\nText.\n');
    const { problems } = await checkAndServe();
    const of = (file: string) => problems.filter((p) => p.file.endsWith(file)).map((p) => `${p.rule} ${p.line} ${p.field ?? ''}`);
    expect(of('live/storm/good.mdx')).toEqual([]);
    expect(of('live/storm/Bad_Name.mdx')).toEqual([
      'update.id 1 id',
      'update.shape 2 time',
      'update.shape 3 title',
      'update.author-exists 4 authors.0',
      'update.body 10 body',
    ]);
    // An update's links are checked as a story's are.
    expect(of('live/storm/links.mdx')).toEqual(['site.link-resolves 6 body']);
    expect(of('live/plain/orphan.mdx')).toEqual(['site.update-story 1 story']);
    expect(of('live/nowhere/orphan.mdx')).toEqual(['site.update-story 1 story']);
    expect(problems.find((p) => p.file.endsWith('live/plain/orphan.mdx'))?.message).toMatch(
      /expected live: front matter .* in content\/articles\/plain\.mdx/,
    );
  });
});
