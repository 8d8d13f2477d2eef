/** One thing wrong with a content file, worded so an editor can fix it without reading code. */
export type ContentProblem = {
  file: string;
  line: number;
  column: number;
  /** Dotted path of the front matter field (authors.0, image.alt); absent for whole-file problems. */
  field?: string;
  message: string;
  severity: 'error' | 'warning';
  /** The id of the rule that found it (lib/content/rules.ts). */
  rule?: string;
};

/** `content/articles/foo.mdx:4:1 publishedAt: expected an ISO 8601 date with offset, got "yesterday"` */
export function formatProblem(p: ContentProblem): string {
  const where = `${p.file}:${p.line}:${p.column}`;
  return p.field ? `${where} ${p.field}: ${p.message}` : `${where} ${p.message}`;
}

/** How a found value is quoted in a message: strings in quotes, nothing as "nothing". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'an empty value';
  if (typeof value === 'object') return 'a group of fields';
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- objects returned above: only primitives and functions reach here
  return String(value);
}
