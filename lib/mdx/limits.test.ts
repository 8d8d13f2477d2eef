import { describe, expect, it } from 'vitest';
import { checkBody } from './compile';
import { BODY_LIMITS, bodyLimitIssues } from './limits';

const messages = async (body: string) => (await checkBody(body)).issues.map((i) => `${i.line}:${i.column} ${i.message}`);

describe('body limits: refused before parsing, with a line', () => {
  it('refuses a body over the size limit at 1:1, and keeps one just under it', async () => {
    const paragraph = `${'word '.repeat(2000)}\n\n`;
    const over = paragraph.repeat(Math.ceil(BODY_LIMITS.bytes / paragraph.length) + 1);
    expect(await messages(over)).toEqual([expect.stringMatching(/^1:1 the body is \d+(\.\d)? KB, over the limit of 128 KB/)]);
    expect(bodyLimitIssues(over.slice(0, BODY_LIMITS.bytes - 10))).toEqual([]);
  });

  it('counts bytes, not characters', () => {
    expect(bodyLimitIssues('é'.repeat(BODY_LIMITS.bytes / 2 + 1))).toHaveLength(1);
    expect(bodyLimitIssues('é\n\n'.repeat(BODY_LIMITS.bytes / 6))).toEqual([]);
  });

  it('refuses quotes and lists nested past the limit at their line, and allows the limit itself', async () => {
    expect(bodyLimitIssues(`Intro.\n\n${'> '.repeat(BODY_LIMITS.depth)}deep`)).toEqual([]);
    expect(await messages(`Intro.\n\n${'> '.repeat(BODY_LIMITS.depth + 1)}deep`)).toEqual([
      '3:1 this line is nested 65 levels deep (quotes and lists), over the limit of 64',
    ]);
    const list = Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    expect((await messages(list))[0]).toMatch(/^65:1 this line is nested 65 levels deep/);
    expect((await messages(`${'- '.repeat(80)}x`))[0]).toMatch(/^1:1 this line is nested 80 levels deep/);
  });

  it('refuses what only the parsed tree shows too deep (inline marks, components), without recursing into it', async () => {
    const marks = `${'*'.repeat(200)}x${'*'.repeat(200)}`;
    expect((await messages(marks))[0]).toMatch(/^1:\d+ this is nested more than 64 levels deep/);
    const quotes = `${'<PullQuote>'.repeat(100)}x${'</PullQuote>'.repeat(100)}`;
    expect((await messages(quotes))[0]).toMatch(/^1:\d+ this is nested more than 64 levels deep/);
  });

  it('refuses a body that used to crash or hang the compiler, quickly', async () => {
    // 3,000 nested quotes overflowed the stack; a 2,000-level list did not finish in 5 minutes.
    expect((await messages('>'.repeat(3000)))[0]).toMatch(/^1:1 this line is nested 3000 levels deep/);
    const list = Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- item`).join('\n');
    expect((await messages(list))[0]).toMatch(/^1:1 the body is \d+(\.\d)? KB, over the limit/);
    expect((await messages(list.slice(0, 100_000)))[0]).toMatch(/^65:1 this line is nested 65 levels deep/);
  });

  it('refuses an over-long paragraph at its first line, and tables past the cell limit at the row', async () => {
    const long = `Intro.\n\n${'A sentence that goes on. '.repeat(1000)}`;
    expect(await messages(long)).toEqual(['3:1 the paragraph starting on this line is over 16 KB: break it with a blank line']);
    const row = `${'| x '.repeat(100)}|`;
    const table = [`${'| h '.repeat(100)}|`, `${'| - '.repeat(100)}|`, ...Array.from({ length: 120 }, () => row)].join('\n');
    expect((await messages(table))[0]).toMatch(/^\d+:1 the body's tables have over 10,000 cells by this line/);
  });
});
