import type { MdxIssue } from './safe-mdx';

/*
 * How big and how deep a story body may be, checked on the raw text before MDX parses it. The
 * parser's cost is not linear in every construct (emphasis within one paragraph is quadratic,
 * deep nesting recurses), so size alone does not bound the time to compile; these four limits
 * together keep the worst body well under the fuzz bench's 2 s (ADR 0007 records the figures).
 * Each is far above what a story needs: the longest long-read is about 120 KB.
 */
export const BODY_LIMITS = {
  /** Bytes of UTF-8 in the body. */
  bytes: 128 * 1024,
  /** Levels of blockquotes and lists, and of components and inline marks in the parsed body. */
  depth: 64,
  /** Characters in one paragraph (a run of lines with no blank line between them, tables aside). */
  paragraph: 16 * 1024,
  /** Table cells in the whole body ("|" in table rows). */
  tableCells: 10_000,
} as const;

/** Every limit the raw body breaks, at the line where it first breaks it (none: it may be parsed). */
export function bodyLimitIssues(source: string): MdxIssue[] {
  // TextEncoder, not Buffer: the live preview checks in the browser too.
  const bytes = new TextEncoder().encode(source).length;
  if (bytes > BODY_LIMITS.bytes) {
    return [
      {
        line: 1,
        column: 1,
        message: `the body is ${kib(bytes)} KB, over the limit of ${kib(BODY_LIMITS.bytes)} KB: split the story into parts`,
      },
    ];
  }
  const issues: MdxIssue[] = [];
  const once = new Set<string>();
  const add = (key: string, line: number, message: string) => {
    if (once.has(key)) return;
    once.add(key);
    issues.push({ line, column: 1, message });
  };
  let paragraphStart = 0;
  let paragraphLength = 0;
  let cells = 0;
  const lines = source.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const depth = containerDepth(line);
    if (depth > BODY_LIMITS.depth) {
      add('depth', i + 1, `this line is nested ${depth} levels deep (quotes and lists), over the limit of ${BODY_LIMITS.depth}`);
    }
    const trimmed = line.trim();
    if (trimmed.includes('|')) {
      cells += countPipes(trimmed);
      if (cells > BODY_LIMITS.tableCells) {
        add(
          'cells',
          i + 1,
          `the body's tables have over ${BODY_LIMITS.tableCells.toLocaleString('en')} cells by this line: split or shorten them`,
        );
      }
      continue;
    }
    if (trimmed === '') {
      paragraphLength = 0;
      continue;
    }
    if (paragraphLength === 0) paragraphStart = i + 1;
    paragraphLength += line.length + 1;
    if (paragraphLength > BODY_LIMITS.paragraph) {
      add(
        'paragraph',
        paragraphStart,
        `the paragraph starting on this line is over ${kib(BODY_LIMITS.paragraph)} KB: break it with a blank line`,
      );
    }
  }
  return issues;
}

/**
 * How many blockquotes and lists a line opens or continues: each ">" and list marker at its
 * start, and every two columns of indentation before them (a nested list is indented). An
 * over-estimate for indented code, which stories do not need 128 columns of.
 */
function containerDepth(line: string): number {
  let depth = 0;
  let indent = 0;
  let i = 0;
  let seenMarker = false;
  while (i < line.length) {
    const char = line[i];
    if (char === ' ' || char === '\t') {
      if (!seenMarker) indent += char === '\t' ? 4 : 1;
      i++;
    } else if (char === '>') {
      depth++;
      seenMarker = true;
      i++;
    } else if ((char === '-' || char === '*' || char === '+') && /\s/.test(line[i + 1] ?? '')) {
      depth++;
      seenMarker = true;
      i += 2;
    } else {
      const ordered = /^\d{1,9}[.)]\s/.exec(line.slice(i, i + 12));
      if (!ordered) break;
      depth++;
      seenMarker = true;
      i += ordered[0].length;
    }
  }
  return depth + Math.floor(indent / 2);
}

function countPipes(line: string): number {
  let count = 0;
  for (const char of line) if (char === '|') count++;
  return count;
}

function kib(bytes: number): string {
  return (bytes / 1024).toFixed(bytes % 1024 === 0 ? 0 : 1);
}
