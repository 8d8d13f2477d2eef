import { describe, expect, it } from 'vitest';
import { countWords, plainParagraphs, plainText } from './plain-text';

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

describe('plain text of a body (the one text pipeline)', () => {
  it('leaves out JSX tags, link targets, URLs, tables and Markdown markers but keeps the words', () => {
    expect(plainParagraphs(BODY).join(' ')).toBe('A heading Read the report at the ministry or We will rebuild. A quotation');
  });

  it('keeps paragraphs apart and joins the lines within one', () => {
    expect(plainParagraphs('First line\nsame paragraph.\n\n\nSecond paragraph.\n  \n| a | b |\n| - | - |\n')).toEqual([
      'First line same paragraph.',
      'Second paragraph.',
    ]);
  });

  it('keeps table cells in the text that is searched and counted, without pipes or rules', () => {
    expect(plainText(BODY).split('\n\n').at(-1)).toBe('a b 1 2');
    expect(plainText(BODY)).not.toMatch(/PullQuote|https|cite/);
  });

  it('counts the words a reader reads: not tags, link targets, URLs or list numbers; "don\'t" is one word', () => {
    expect(countWords(BODY)).toBe(18);
    expect(countWords('1. First, [one](/articles/x).\n2. Don’t stop <Figure src="/a.jpg" alt="x" width={1} height={1} />')).toBe(4);
  });
});
