import type { Nodes, Root } from 'mdast';

/*
 * The one way a story body becomes plain text: from the syntax tree the safety plugin walks
 * (safe-mdx.ts), once, when the body is checked. The content index stores the result with the
 * story (Story.text), and word count and reading time, search's indexed body and passages, and
 * the words related stories compare all read that, so a word a reader reads is a word each sees.
 *
 * The text is a block per paragraph, heading, list item, quotation or footnote, each on one line,
 * blocks apart by a blank line. A table is one block of its cells, marked by TABLE_MARK: searched
 * and counted, never shown as a passage (cells read as a jumble of numbers out of context).
 */

const TABLE_MARK = '| ';
const BLOCK_SEPARATOR = '\n\n';

/** The plain text of a parsed body: what a reader reads, without tags, attributes, link targets or code. */
export function plainTextOf(tree: Root): string {
  const blocks: string[] = [];
  const add = (text: string) => {
    const line = text.replace(/\s+/g, ' ').trim();
    if (line) blocks.push(line);
  };
  const visit = (node: Nodes) => {
    switch (node.type) {
      case 'paragraph':
      case 'heading':
      case 'code':
        add(inlineText(node));
        return;
      case 'table':
        add(`${TABLE_MARK}${node.children.flatMap((row) => row.children.map(inlineText)).join(' ')}`);
        return;
      default: {
        // Containers (lists, quotations, <PullQuote>, footnotes): their blocks, in order. A component
        // written on one line holds its words directly, without a paragraph: they make one block.
        if (!('children' in node)) return;
        let inline = '';
        for (const child of node.children) {
          if (PHRASING.has(child.type)) {
            inline += inlineText(child);
            continue;
          }
          add(inline);
          inline = '';
          visit(child);
        }
        add(inline);
      }
    }
  };
  visit(tree);
  return blocks.join(BLOCK_SEPARATOR);
}

/** Inline content that can sit straight in a component on one line (<PullQuote>words</PullQuote>). */
const PHRASING = new Set(['text', 'emphasis', 'strong', 'delete', 'inlineCode', 'break', 'link', 'linkReference', 'mdxJsxTextElement']);

const BARE_ADDRESS = /^(?:[a-z][a-z0-9+.-]*:|www\.)\S*$/i;

/** The words of inline content: text and code as written; tags, attributes, expressions and link targets left out. */
function inlineText(node: Nodes): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
    case 'code':
      return node.value;
    case 'break':
      return ' ';
    case 'link':
      // A bare address made a link (GFM autolinks) is an address, not words: "https" matches nothing.
      return node.children.length === 1 && node.children[0]!.type === 'text' && BARE_ADDRESS.test(node.children[0].value)
        ? ''
        : node.children.map(inlineText).join('');
    case 'mdxTextExpression':
    case 'mdxFlowExpression':
    case 'footnoteReference':
    case 'image':
    case 'imageReference':
    case 'html':
      return '';
    default:
      return 'children' in node ? node.children.map(inlineText).join('') : '';
  }
}

/** The paragraphs of a plain text a reader sees, tables left out: passages for search results. */
export function plainParagraphs(text: string): string[] {
  return text.split(BLOCK_SEPARATOR).filter((block) => block && !block.startsWith(TABLE_MARK));
}

/** A word as a reader counts it: letters or digits, joined by inner apostrophes and hyphens ("don't", "Novo-Ogaryovo"). */
const READER_WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/** Words a reader reads in a plain text, tables included: for reading time and JSON-LD. */
export function countWords(text: string): number {
  return text.match(READER_WORD)?.length ?? 0;
}
