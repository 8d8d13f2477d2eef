/**
 * Sections of a Markdown report: bench/results.md is written by more than one bench (`npm run
 * bench` writes most of it, `npm run bench:scale` its "## Scale" section), so each replaces only
 * its own part.
 */

/** Where a `## ` section starts and ends (before the next `## ` heading, or at the end). */
function bounds(doc: string, heading: string): { start: number; end: number } | undefined {
  const lines = doc.split('\n');
  const start = lines.findIndex((line) => line.trimEnd() === heading);
  if (start < 0) return undefined;
  const next = lines.findIndex((line, i) => i > start && /^## /.test(line));
  return { start, end: next < 0 ? lines.length : next };
}

/** The section under `heading`, heading included, or undefined when the document has none. */
export function sectionOf(doc: string, heading: string): string | undefined {
  const at = bounds(doc, heading);
  if (!at) return undefined;
  return `${doc.split('\n').slice(at.start, at.end).join('\n').trimEnd()}\n`;
}

/**
 * The document with the section under `heading` replaced by `section` (which starts with that
 * heading), or with `section` added at the end when there is none. Every other line is kept.
 */
export function withSection(doc: string, heading: string, section: string): string {
  const body = `${section.trimEnd()}\n`;
  const at = bounds(doc, heading);
  if (!at) return doc.trim() ? `${doc.trimEnd()}\n\n${body}` : body;
  const lines = doc.split('\n');
  const before = lines.slice(0, at.start).join('\n');
  const after = lines.slice(at.end).join('\n');
  return `${before}${before ? '\n' : ''}${body}${after ? `\n${after}` : ''}`;
}

/** `report` followed by every `## ` section of `previous` whose heading `report` does not have. */
export function withOtherSections(report: string, previous: string): string {
  const headings = (doc: string) =>
    doc
      .split('\n')
      .filter((line) => /^## /.test(line))
      .map((line) => line.trimEnd());
  const own = new Set(headings(report));
  return headings(previous)
    .filter((heading) => !own.has(heading))
    .reduce((doc, heading) => withSection(doc, heading, sectionOf(previous, heading)!), report);
}
