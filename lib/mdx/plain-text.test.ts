import { describe, expect, it } from 'vitest';
import { compileBodyCode } from './compile';
import { countWords, plainParagraphs } from './plain-text';

/** The plain text the safety plugin records when a body compiles, as the content index stores it. */
const textOf = async (body: string) => (await compileBodyCode(body)).text;

const BODY = [
  '## A heading',
  '',
  'Read **the report** at [the ministry](https://example.com/report) or https://example.org.',
  '',
  '<PullQuote cite="Ana Ruiz">We will rebuild.</PullQuote>',
  '',
  '> A quotation',
  '',
  '| a | b |',
  '| --- | --- |',
  '| 1 | 2 |',
].join('\n');

describe('plain text of a body, from its syntax tree (the one text pipeline)', () => {
  it('leaves out JSX tags, attributes, link targets, URLs, tables and Markdown markers but keeps the words', async () => {
    expect(plainParagraphs(await textOf(BODY))).toEqual([
      'A heading',
      'Read the report at the ministry or .',
      'We will rebuild.',
      'A quotation',
    ]);
  });

  it('keeps paragraphs apart and joins the lines within one', async () => {
    expect(plainParagraphs(await textOf('First line\nsame paragraph.\n\n\nSecond paragraph.\n  \n| a | b |\n| - | - |\n'))).toEqual([
      'First line same paragraph.',
      'Second paragraph.',
    ]);
  });

  it('keeps table cells in the text that is searched and counted, without pipes or rules', async () => {
    const text = await textOf(BODY);
    expect(text.split('\n\n').at(-1)).toBe('| a b 1 2');
    expect(text).not.toMatch(/PullQuote|https|cite|Ana Ruiz|\*\*|##/);
  });

  it('counts the words a reader reads: not tags, link targets, URLs, list numbers or footnote marks; "don\'t" is one word', async () => {
    expect(countWords(await textOf(BODY))).toBe(18);
    expect(
      countWords(
        await textOf(
          '1. First, [one](/articles/x).\n2. Don’t stop.[^1]\n\n<Figure src="/a.jpg" alt="x" width={1} height={1} credit="Photo: Desk" />\n\n[^1]: A note.',
        ),
      ),
    ).toBe(6);
    expect(countWords(await textOf('Fewer than <5% of boats were late.'))).toBe(7);
  });
});
