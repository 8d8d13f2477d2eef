import { describe, expect, it } from 'vitest';
import { checkBody } from '@/lib/mdx/compile';
import { storyOf, parseStory, parseAuthor } from './parse';
import { formatProblem } from './problems';

const FILE = 'content/articles/city-council-vote.mdx';

const valid = {
  title: 'City council approves the new bridge',
  dek: 'The vote ends a decade of argument.',
  section: 'politics',
  tags: '[Transport, Local government]',
  authors: '[mark-jones]',
  publishedAt: '2024-05-01T10:00:00+02:00',
};

/** Builds a story file from fields, one per line in this order, so line numbers are known. */
function storyFile(fields: Record<string, string | undefined>, body = 'The council voted on Tuesday.') {
  const lines = Object.entries(fields)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${v}`);
  return ['---', ...lines, '---', '', body, ''].join('\n');
}

function problemsOf(source: string, file = FILE) {
  return parseStory(file, source).problems.map(formatProblem);
}

describe('parseStory', () => {
  it('accepts a valid file and derives slug, defaults and, with its body checked, text and word count', async () => {
    const result = parseStory(FILE, storyFile(valid));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      slug: 'city-council-vote',
      title: valid.title,
      tags: ['Transport', 'Local government'],
      authors: ['mark-jones'],
      draft: false,
      sample: false,
    });
    // Front matter lines are blanked, so the body keeps its line numbers in the file.
    expect(result.value.body.split('\n')[9]).toBe('The council voted on Tuesday.');
    const story = storyOf(result.value, (await checkBody(result.value.body)).text!);
    expect(story).toMatchObject({ text: 'The council voted on Tuesday.', wordCount: 5 });
    expect(story).not.toHaveProperty('body');
  });

  for (const field of ['title', 'dek', 'section', 'authors', 'publishedAt'] as const) {
    it(`names the file and field when ${field} is missing`, () => {
      const problems = problemsOf(storyFile({ ...valid, [field]: undefined }));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(new RegExp(`^${FILE}:2:1 ${field}: expected .+, got nothing$`));
    });
  }

  it('points at the line of a bad date and quotes what was found', () => {
    const problems = problemsOf(storyFile({ ...valid, publishedAt: 'yesterday' }));
    expect(problems).toEqual([
      `${FILE}:7:1 publishedAt: expected an ISO 8601 date with offset (e.g. 2023-02-18T09:00:00+00:00), got "yesterday"`,
    ]);
  });

  it('refuses a date without an offset', () => {
    expect(problemsOf(storyFile({ ...valid, publishedAt: '2024-05-01T10:00:00' }))[0]).toMatch(
      /:7:1 publishedAt: expected an ISO 8601 date with offset/,
    );
  });

  it('refuses an impossible date', () => {
    expect(problemsOf(storyFile({ ...valid, publishedAt: '2024-13-45T10:00:00Z' }))[0]).toMatch(/publishedAt/);
  });

  it('refuses an update earlier than publication', () => {
    expect(problemsOf(storyFile({ ...valid, updatedAt: '2024-04-01T10:00:00+02:00' }))[0]).toMatch(
      /:8:1 updatedAt: expected a time after publishedAt/,
    );
  });

  it('refuses an invalid slug, naming the file', () => {
    const problems = problemsOf(storyFile(valid), 'content/articles/City Council_Vote.mdx');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^content\/articles\/City Council_Vote\.mdx:1:1 slug: expected a file name of lowercase/);
  });

  it('names an unknown field so a typo is not silently ignored', () => {
    expect(problemsOf(storyFile({ ...valid, publishedat: '2024-05-01T10:00:00Z' }))).toEqual([
      `${FILE}:8:1 publishedat: unknown field publishedat: check the spelling against docs/editing.md`,
    ]);
  });

  it('points into nested fields (image alt)', () => {
    const source = storyFile(valid).replace('---\n\n', 'image:\n  src: /images/x.jpg\n  alt: ""\n  width: 10\n  height: 10\n---\n\n');
    expect(problemsOf(source)).toEqual([`${FILE}:10:3 image.alt: expected alt text describing the image, got ""`]);
  });

  it.each(['data:text/html,<b>x</b>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'javascript:alert(1)'])(
    'refuses a source link that is not a web address: %s',
    (url) => {
      const problems = problemsOf(storyFile({ ...valid, source: `{ name: Agency, url: ${JSON.stringify(url)} }` }));
      expect(problems).toEqual([
        expect.stringMatching(/^content\/articles\/city-council-vote\.mdx:8:\d+ source\.url: expected the absolute http\(s\) URL/),
      ]);
    },
  );

  it.each(['//evil.com/x.jpg', '/\\evil.com/x.jpg', '/images/./x.jpg', 'https://evil.com/x.jpg'])(
    'refuses an image src off this site or not canonical: %s',
    (src) => {
      const image = `{ src: ${JSON.stringify(src)}, alt: A boat., width: 10, height: 10 }`;
      expect(problemsOf(storyFile({ ...valid, image }))).toEqual([
        expect.stringMatching(/:8:\d+ image\.src: expected an image path under public\//),
      ]);
    },
  );

  it('reports broken YAML with its line', () => {
    const problems = problemsOf(storyFile({ ...valid, tags: '[unclosed' }));
    expect(problems[0]).toMatch(new RegExp(`^${FILE}:\\d+:\\d+ YAML: `));
  });

  it('reports a file with no front matter', () => {
    expect(problemsOf('Just a body.\n')).toEqual([`${FILE}:1:1 expected front matter between two "---" lines at the top of the file`]);
  });
});

describe('parseAuthor', () => {
  it('accepts a valid author', () => {
    const result = parseAuthor('content/authors/ana-ruiz.yaml', 'name: Ana Ruiz\nrole: Reporter\nbio: Writes.\n');
    expect(result.ok && result.value).toMatchObject({ id: 'ana-ruiz', name: 'Ana Ruiz', sample: false });
  });

  it('names a missing bio', () => {
    const result = parseAuthor('content/authors/ana-ruiz.yaml', 'name: Ana Ruiz\nrole: Reporter\n');
    expect(result.problems.map(formatProblem)).toEqual(['content/authors/ana-ruiz.yaml:1:1 bio: expected a short biography, got nothing']);
  });

  it('reads corrections, and refuses one without a text or dated before publication', () => {
    const ok = parseStory(FILE, storyFile({ ...valid, corrections: '[{ date: 2024-05-02T09:00:00+00:00, text: We misspelt a name. }]' }));
    expect(ok.ok && ok.value.corrections).toEqual([{ date: '2024-05-02T09:00:00+00:00', text: 'We misspelt a name.' }]);
    expect(problemsOf(storyFile({ ...valid, corrections: '[{ date: 2024-05-02T09:00:00+00:00 }]' }))).toEqual([
      `${FILE}:8:15 corrections.0.text: expected the text of the correction, got nothing`,
    ]);
    expect(problemsOf(storyFile({ ...valid, corrections: '[{ date: 2024-04-01T09:00:00+00:00, text: Too early. }]' }))).toEqual([
      `${FILE}:8:17 corrections.0.date: expected a time after publishedAt (2024-05-01T10:00:00+02:00), got "2024-04-01T09:00:00+00:00"`,
    ]);
  });
});
