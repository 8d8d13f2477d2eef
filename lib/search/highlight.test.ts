import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Highlighted } from '@/components/Highlighted';
import { compileBodyCode } from '@/lib/mdx/compile';
import { bodyPassage, excerpt, highlight, type Segment } from './highlight';
import { matcherFor, queryTerms } from './search-terms';

/** Matches exactly these indexed words. */
const words =
  (...list: string[]) =>
  (term: string) =>
    list.includes(term);
const show = (segments: readonly Segment[] | undefined) => segments?.map((s) => (s.match ? `[${s.text}]` : s.text)).join('');

describe('highlight', () => {
  it('marks whole words whose indexed form matched, whatever their case or accents', () => {
    const terms = words('lukashenko', 'zurich');
    expect(show(highlight('Putin and Lukashenko meet; LUKASHENKO’s plane lands in Zürich.', terms))).toBe(
      'Putin and [Lukashenko] meet; [LUKASHENKO]’s plane lands in [Zürich].',
    );
  });

  it('does not mark a word that only contains a matched term', () => {
    expect(show(highlight('Belarusian and Belarus', words('belarus')))).toBe('Belarusian and [Belarus]');
  });

  it('returns the text unchanged, as one plain piece, when nothing matched', () => {
    expect(highlight('No match here', words('summit'))).toEqual([{ text: 'No match here', match: false }]);
    expect(highlight('', words('summit'))).toEqual([]);
  });

  it('keeps every character: the pieces join back to the original text', () => {
    const text = 'A <b>bold</b> “claim” & (.*) [x] $1 \\d+ — 😀 Putin';
    const segments = highlight(text, words('bold', 'putin'));
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['bold', 'Putin']);
  });

  it('is not confused by terms made of regular-expression syntax', () => {
    const text = 'Prices rose (.*) sharply';
    expect(highlight(text, words('(.*', '.*', '(', ')'))).toEqual([{ text, match: false }]);
    expect(highlight(text, matcherFor(['(.*', '.*']))).toEqual([{ text, match: false }]);
  });

  it('marks what the search matched: prefixes and near misses of the query words', () => {
    const matches = matcherFor(queryTerms('Lukash summmit'));
    expect(show(highlight('Lukashenko and Luk at the summit, not the summer', matches))).toBe(
      '[Lukashenko] and Luk at the [summit], not the summer',
    );
  });
});

describe('Highlighted (rendering)', () => {
  it('escapes markup in the text and marks matches with <mark>', () => {
    const segments = highlight('<script>alert("x")</script> Lukashenko & co', matcherFor(queryTerms('script Lukashenko')));
    const html = renderToStaticMarkup(createElement(Highlighted, { segments }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;<mark');
    expect(html).toMatch(
      /<mark[^>]*>script<\/mark>&gt;alert\(&quot;x&quot;\)&lt;\/<mark[^>]*>script<\/mark>&gt; <mark[^>]*>Lukashenko<\/mark> &amp; co/,
    );
  });
});

describe('excerpt', () => {
  const body =
    'The council met on Tuesday. ' +
    'Residents spoke for two hours about the bridge, the budget and the ferry timetable. '.repeat(4) +
    'Then Lukashenko arrived by helicopter, to general surprise. ' +
    'The meeting ended after midnight with no decision on the bridge. '.repeat(4);

  it('cuts a passage around the first match, at word boundaries, with ellipses', () => {
    const passage = excerpt(body, words('lukashenko'), 120)!;
    const text = show(passage)!;
    expect(text).toContain('[Lukashenko] arrived');
    expect(text.startsWith('… ')).toBe(true);
    expect(text.endsWith(' …')).toBe(true);
    const inner = passage
      .map((s) => s.text)
      .join('')
      .slice(2, -2);
    expect(inner.length).toBeLessThanOrEqual(120);
    expect(body).toContain(inner);
    expect(body[body.indexOf(inner) - 1]).toMatch(/\s/);
  });

  it('starts at the beginning without an ellipsis when the match is early', () => {
    expect(show(excerpt(body, words('council'), 80))).toMatch(/^The \[council\] met on Tuesday\./);
  });

  it('gives nothing when no word matches', () => {
    expect(excerpt(body, words('putin'))).toBeUndefined();
  });
});

describe('bodyPassage', () => {
  it('takes the passage from the first paragraph with a match, never from a table', async () => {
    const body = [
      'Opening words.',
      '',
      '| votes | 2,645 |',
      '| --- | --- |',
      '| ferry | 90,000 |',
      '',
      '## The ferry',
      '',
      'The new ferry sails in May.',
    ].join('\n');
    // The story's plain text, as the content index stores it.
    const { text } = await compileBodyCode(body);
    expect(show(bodyPassage(text, words('ferry')))).toBe('The [ferry]');
    expect(show(bodyPassage(text, words('may')))).toBe('The new ferry sails in [May].');
    expect(bodyPassage(text, words('votes'))).toBeUndefined();
  });
});
