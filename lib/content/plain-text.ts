/*
 * The one way a story body becomes plain text: word count and reading time (parse.ts), the
 * indexed body of search (lib/search/search-rows.ts), the passages shown with results
 * (lib/search/highlight.ts) and the words related stories compare (related.ts) all start from
 * bodyBlocks, so a word a reader reads is a word every one of them sees.
 */

/** One block of a body (a paragraph, heading, list item run, quotation or table) as a reader reads it. */
export type BodyBlock = {
  /** Its prose on one line: JSX tags, link targets, URLs and Markdown marks left out. */
  prose: string;
  /** Table cells, apart: searched and counted, but never shown as a passage out of context. */
  cells: string;
};

/**
 * The blocks of an MDX body, in order. Only what the safety plugin lets into a body is handled:
 * no HTML or expressions reach here in a story that is published (lib/mdx/safe-mdx.ts).
 */
export function bodyBlocks(body: string): BodyBlock[] {
  // Each pass runs only when its marker occurs: most bodies are prose with no tags or links.
  let text = body;
  if (text.includes('import ') || text.includes('export ')) text = text.replace(/^(?:import|export)\s.*$/gm, ' ');
  if (text.includes('<')) text = text.replace(/<\/?[A-Za-z][^>]*>/g, ' ');
  if (text.includes('](')) text = text.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1');
  if (text.includes('://')) text = text.replace(/https?:\/\/\S+/g, ' ');
  return text
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block.split('\n');
      const table = (line: string) => /^\s*\|/.test(line);
      return {
        prose: oneLine(lines.filter((line) => !table(line)).map((line) => line.replace(/^\s{0,3}(?:#{1,6}|>|[-*+]|\d+\.)\s+/, ''))),
        cells: oneLine(lines.filter(table).map((line) => line.replace(/\|/g, ' ').replace(/(?:^|\s):?-{3,}:?(?=\s|$)/g, ' '))),
      };
    })
    .filter((b) => b.prose || b.cells);
}

function oneLine(lines: readonly string[]): string {
  return lines.join(' ').replace(/[*_`~]+/g, '').replace(/\s+/g, ' ').trim();
}

/** The paragraphs a reader sees, each on one line, tables left out: passages for search results. */
export function plainParagraphs(body: string): string[] {
  return bodyBlocks(body)
    .map((b) => b.prose)
    .filter(Boolean);
}

/** All the words of a body, tables included, blocks apart by blank lines: what is counted, searched and compared. */
export function plainText(body: string): string {
  return bodyBlocks(body)
    .map((b) => [b.prose, b.cells].filter(Boolean).join(' '))
    .join('\n\n');
}

/** A word as a reader counts it: letters or digits, joined by inner apostrophes and hyphens ("don't", "Novo-Ogaryovo"). */
const READER_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Words a reader reads in a body, for reading time and JSON-LD. */
export function countWords(body: string): number {
  return plainText(body).match(READER_WORD)?.length ?? 0;
}
