import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, checkStorySource } from './check';
import { withFreshIndex } from './index/reconcile';
import { formatProblem } from './problems';

const DIR = 'lib/content/fixtures/check';
const PUBLIC = path.join(DIR, 'public');
const at = (file: string) => `${DIR}/${file}`;

describe('content check on a directory with one kind of mistake per file', async () => {
  const report = await checkContent(DIR, PUBLIC);
  const lines = report.problems.map((p) => `${p.severity} ${formatProblem(p)}`);
  const linesOf = (file: string) => lines.filter((l) => l.includes(` ${at(file)}:`));

  it('finds nothing wrong with the correct story (links, table, footnote, "<5%", Figure, hero image)', () => {
    expect(linesOf('articles/good-story.mdx')).toEqual([]);
  });

  it.each([
    [
      'articles/bad-date.mdx',
      'error articles/bad-date.mdx:7:1 publishedAt: expected an ISO 8601 date with offset (e.g. 2023-02-18T09:00:00+00:00), got "yesterday"',
    ],
    [
      'articles/unknown-author.mdx',
      'error articles/unknown-author.mdx:6:21 authors.1: expected the id of a file in content/authors/ (ana-ruiz, ben-ode), got "nobody"',
    ],
    [
      'articles/unknown-section.mdx',
      'error articles/unknown-section.mdx:4:1 section: expected a section id from content/sections.yaml (world, politics), got "sport"',
    ],
    [
      'articles/Bad_Slug.mdx',
      'error articles/Bad_Slug.mdx:1:1 slug: expected a file name of lowercase letters, digits and single hyphens, at most 100 characters (e.g. "city-council-vote.mdx"), got "Bad_Slug"',
    ],
    [
      'articles/correction-before-publication.mdx',
      'error articles/correction-before-publication.mdx:9:5 corrections.0.date: expected a time after publishedAt (2024-05-01T10:00:00+00:00), got "2024-04-30T10:00:00+00:00"',
    ],
    [
      'articles/expression.mdx',
      'error articles/expression.mdx:10:15 body: JavaScript expressions are not allowed in stories, found {process.env.REVALIDATE_SECRET}: to show a curly brace, write \\{',
    ],
    [
      'articles/figure-without-alt.mdx',
      'error articles/figure-without-alt.mdx:10:1 body: <Figure> needs the attribute alt (e.g. alt="What the image shows")',
    ],
    [
      'articles/missing-image.mdx',
      'error articles/missing-image.mdx:9:3 image.src: expected an image file under public/ (public/images/not-there.jpg), got "/images/not-there.jpg", which does not exist',
    ],
    [
      'articles/source-url-scheme.mdx',
      'error articles/source-url-scheme.mdx:10:3 source.url: expected the absolute http(s) URL of the source, got "data:text/html,<script>alert(1)</script>"',
    ],
    [
      'articles/image-src-other-host.mdx',
      'error articles/image-src-other-host.mdx:9:3 image.src: expected an image path under public/ starting with "/" (e.g. /images/story.jpg), got "//evil.com/x.jpg"',
    ],
    [
      'articles/figure-src-other-host.mdx',
      'error articles/figure-src-other-host.mdx:12:9 body: <Figure> src: expected an image path under public/ starting with "/" (e.g. /images/story.jpg), got "/\\\\evil.com/x.svg"',
    ],
    [
      'articles/long-dek.mdx',
      'warning articles/long-dek.mdx:3:1 dek: expected at most 200 characters so it reads well under the headline, got 207',
    ],
    ['articles/notes.txt', 'warning articles/notes.txt:1:1 not read: story files must end in .mdx'],
    [
      'authors/ana-ruiz.yml',
      'error authors/ana-ruiz.yml:1:1 id: expected one file per author, got ana-ruiz.yml and ana-ruiz.yaml for the same id',
    ],
    [
      'authors/ben-ode.yaml',
      'error authors/ben-ode.yaml:5:3 avatar.src: expected an image file under public/ (public/images/no-such-face.jpg), got "/images/no-such-face.jpg", which does not exist',
    ],
    [
      'sections.yaml',
      'error sections.yaml:8:5 sections.2.id: expected a section id the site does not use itself (not api, articles, authors, live, media, opengraph-image, preview, search, sitemaps, tags), got "tags"',
    ],
  ])('%s: one line naming file, line, field and what was found', (file, expected) => {
    expect(linesOf(file)).toEqual([expected.replace(/ (?=[a-z-]+\/|sections\.yaml)/, ` ${DIR}/`)]);
  });

  it('names both refused statements in a file with import and export', () => {
    expect(linesOf('articles/import-export.mdx')).toEqual([
      `error ${at('articles/import-export.mdx')}:10:1 body: import and export statements are not allowed in stories: remove the line (components such as <PullQuote> need no import)`,
      `error ${at('articles/import-export.mdx')}:12:1 body: import and export statements are not allowed in stories: remove the line (components such as <PullQuote> need no import)`,
    ]);
  });

  it('names each HTML element in a file that uses them', () => {
    expect(linesOf('articles/html-element.mdx').map((l) => l.split(' body: ')[0])).toEqual([
      `error ${at('articles/html-element.mdx')}:12:1`,
      `error ${at('articles/html-element.mdx')}:14:1`,
    ]);
    expect(linesOf('articles/html-element.mdx')[0]).toContain('HTML elements such as <iframe> are not allowed');
  });

  it('points at a component left open, with a hint', () => {
    expect(linesOf('articles/mdx-syntax.mdx')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^error ${at('articles/mdx-syntax.mdx')}:12:1 body: MDX could not read this: Expected a closing tag for \`<PullQuote>\`.*close a component with its end tag`,
        ),
      ),
    ]);
  });

  it('points at each link that does not resolve', () => {
    expect(linesOf('articles/broken-link.mdx')).toEqual([
      `error ${at('articles/broken-link.mdx')}:10:5 body: expected a link to an existing story (no content/articles/no-such-story.mdx), got "/articles/no-such-story"`,
      `error ${at('articles/broken-link.mdx')}:10:64 body: expected a link starting with "/" (e.g. /articles/other-story) or a full address starting with https://, got "other-story"`,
    ]);
  });

  it('asks every picture for its credit, and for alt text that is not the headline', () => {
    expect(linesOf('articles/picture-without-credit.mdx')).toEqual([
      `error ${at('articles/picture-without-credit.mdx')}:8:1 image: expected a credit for the picture (credit: "Photo: Name/Agency", or "Illustration for News Rebeat"), got none`,
    ]);
    expect(linesOf('articles/alt-repeats-headline.mdx')).toEqual([
      `warning ${at('articles/alt-repeats-headline.mdx')}:10:3 image.alt: expected alt text that describes the picture, got the headline again: "Story alt-repeats-headline."`,
    ]);
    expect(linesOf('articles/figure-without-alt.mdx')).toHaveLength(1); // its credit is given: the missing alt is the one problem
  });

  it('warns of pictures too narrow for their slot, or declared in another shape than the file', () => {
    expect(linesOf('articles/small-picture.mdx')).toEqual([
      `warning ${at('articles/small-picture.mdx')}:9:3 image.src: expected a picture at least 1536 px wide, to be sharp at 768 px on a 2x screen, got 800 px`,
      `warning ${at('articles/small-picture.mdx')}:12:3 image.width: expected width and height in the shape of the file (800x450), got 800x800`,
      `warning ${at('articles/small-picture.mdx')}:18:9 body: <Figure> src: expected a picture at least 1344 px wide, to be sharp at 672 px on a 2x screen, got 800 px`,
    ]);
  });

  it('warns of any picture under public/ that says where it was taken, used or not', () => {
    expect(lines.filter((l) => l.includes(' lib/content/fixtures/check/public/'))).toEqual([
      `warning ${DIR}/public/images/located.jpg:1:1 expected a picture without location data, found GPS coordinates in its metadata, which can expose where a source or photographer was: remove them (exiftool -gps:all= -xmp:all= FILE)`,
    ]);
  });

  it('reports nothing else, and counts the files it read', () => {
    expect(lines).toHaveLength(29);
    expect(report.files).toBe(24);
  });
});

describe('checkStorySource (the live editor)', () => {
  it('checks one text against loaded content: front matter, body and links', async () => {
    const source = [
      '---',
      'title: Draft',
      'dek: A dek.',
      'section: politics',
      'authors: [ana-ruiz]',
      'publishedAt: 2024-05-01T10:00:00+00:00',
      '---',
      '',
      'Links to [itself](/articles/draft-in-editor), [a story](/articles/good-story) and [nowhere](/articles/nowhere).',
      '',
      '<script>x</script>',
    ].join('\n');
    const problems = await withFreshIndex(DIR, (db) => checkStorySource('content/articles/draft-in-editor.mdx', source, db, PUBLIC));
    expect(problems.map(formatProblem)).toEqual([
      'content/articles/draft-in-editor.mdx:9:83 body: expected a link to an existing story (no content/articles/nowhere.mdx), got "/articles/nowhere"',
      'content/articles/draft-in-editor.mdx:11:1 body: HTML elements such as <script> are not allowed in stories: use Markdown, or one of the components PullQuote, Figure, Gallery, Embed (see docs/editing.md)',
    ]);
  });
});
