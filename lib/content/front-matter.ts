import { LineCounter, isMap, isSeq, isScalar, parseDocument, type Node } from 'yaml';
import type { z } from 'zod';
import { describeValue, type ContentProblem } from './problems';

export type Position = { line: number; column: number };

export type YamlSource = {
  data: unknown;
  /** Where the value at a field path starts in the file (the key, for map entries). */
  locate(path: readonly PropertyKey[]): Position;
  problems: ContentProblem[];
};

/**
 * Parses YAML that starts `lineOffset` lines into a file, keeping positions so every problem
 * can name a line. YAML 1.2 core schema: dates stay strings, `yes` stays a string.
 */
export function parseYaml(file: string, yamlText: string, lineOffset = 0): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): Position => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line + lineOffset, column: pos.col };
  };
  const problems: ContentProblem[] = doc.errors.map((error) => ({
    file,
    ...at(error.pos[0]),
    message: `YAML: ${error.message.split('\n')[0]}`,
    severity: 'error',
  }));

  const locate = (path: readonly PropertyKey[]): Position => {
    let node: unknown = doc.contents;
    let found = node && (node as Node).range ? at((node as Node).range![0]) : { line: 1 + lineOffset, column: 1 };
    for (const segment of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) found = at(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (!item) break;
        if (item.range) found = at(item.range[0]);
        node = item;
      } else break;
    }
    return found;
  };

  return { data: problems.length ? undefined : doc.toJS(), locate, problems };
}

export type FrontMatterFile = YamlSource & {
  /** The body with front matter lines left blank, so later line numbers match the file. */
  body: string;
};

const FENCE = /^---[ \t]*$/;

/** Splits `---\nyaml\n---\nbody`. A file without front matter is a problem, not an empty story. */
export function splitFrontMatter(file: string, source: string): FrontMatterFile {
  const lines = source.replace(/^\uFEFF/, '').split(/\r?\n/);
  const end = FENCE.test(lines[0] ?? '') ? lines.findIndex((l, i) => i > 0 && FENCE.test(l)) : -1;
  if (end < 0) {
    return {
      data: undefined,
      locate: () => ({ line: 1, column: 1 }),
      body: '',
      problems: [
        {
          file,
          line: 1,
          column: 1,
          message: 'expected front matter between two "---" lines at the top of the file',
          severity: 'error',
        },
      ],
    };
  }
  const yaml = parseYaml(file, lines.slice(1, end).join('\n'), 1);
  const body = lines.map((line, i) => (i <= end ? '' : line)).join('\n');
  return { ...yaml, body };
}

/** Turns zod issues into problems that point at the offending line, quoting what was found. */
export function issuesToProblems(file: string, source: YamlSource, issues: readonly z.core.$ZodIssue[]): ContentProblem[] {
  return issues.map((issue) => {
    const field = issue.path.map(String).join('.');
    const got = valueAt(source.data, issue.path);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.join(', ');
      const pos = source.locate([...issue.path, issue.keys[0]!]);
      return {
        file,
        ...pos,
        field: field || issue.keys[0],
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}: check the spelling against docs/editing.md`,
        severity: 'error',
      };
    }
    if (!message.startsWith('expected')) message = `expected ${message.replace(/^Invalid input: expected /, '')}`;
    return {
      file,
      ...source.locate(issue.path),
      field: field || undefined,
      message: `${message}, got ${describeValue(got)}`,
      severity: 'error',
    };
  });
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = data;
  for (const segment of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[segment];
  }
  return value;
}
