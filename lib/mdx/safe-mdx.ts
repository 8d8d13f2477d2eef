import { parse as parseJavaScript } from 'acorn';
import type { Nodes, Root } from 'mdast';
import { mdxExpressionFromMarkdown } from 'mdast-util-mdx-expression';
import type { MdxFlowExpression, MdxTextExpression } from 'mdast-util-mdx-expression';
import { mdxJsxFromMarkdown } from 'mdast-util-mdx-jsx';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import { BODY_LIMITS } from './limits';
import {
  allowedComponentNames,
  allowedComponents,
  isAllowedComponent,
  type ComponentSpec,
  type ElementChildren,
  type LiteralValue,
} from './allowed-components';
import { plainTextOf } from './plain-text';
import { safeMdxSyntax } from './syntax';

/** One thing in a story body that is not allowed, at a line and column of the file. */
export type MdxIssue = { line: number; column: number; message: string };

/** Where a body points: links (checked to resolve) and Figure images, in a gallery or not (checked to exist). */
export type BodyReferences = {
  links: { url: string; line: number; column: number }[];
  images: { src: string; line: number; column: number }[];
};

/** Thrown by the plugin (so compiling fails, at check time and at render) with every issue found. */
export class MdxContentError extends Error {
  readonly issues: readonly MdxIssue[];
  /** What the body links to, so the content check can report those problems in the same run. */
  readonly references: BodyReferences;
  constructor(issues: readonly MdxIssue[], references: BodyReferences) {
    super(issues.map((i) => `${i.line}:${i.column} ${i.message}`).join('\n'));
    this.name = 'MdxContentError';
    this.issues = issues;
    this.references = references;
  }
}

const COMPONENT_LIST = allowedComponentNames.join(', ');
const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/**
 * MDX is content, not code. This one remark plugin, used by the content check, the renderer and
 * the live preview alike, parses stories in the site's MDX dialect (lib/mdx/syntax.ts) and refuses
 * anything that could run code or escape the components map: import/export statements, JavaScript
 * expressions, HTML elements and unknown components, attributes that are not literals or not
 * known, script links and Markdown images. Comments (`{/* ... *\/}`) are allowed. It also
 * records what the body links to and its plain text, from the same tree.
 */
export function remarkSafeMdx(this: Processor) {
  // remark-parse reads these two lists when it parses (typed there, not in unified).
  const data = this.data() as { micromarkExtensions?: unknown[]; fromMarkdownExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push(safeMdxSyntax());
  (data.fromMarkdownExtensions ??= []).push(mdxExpressionFromMarkdown(), mdxJsxFromMarkdown());
  return (tree: Root, file: VFile) => {
    // Checked first, without recursion: the walks below recurse, and a tree this deep is refused anyway.
    const tooDeep = depthIssue(tree);
    if (tooDeep) throw new MdxContentError([tooDeep], { links: [], images: [] });
    const issues = findUnsafeMdx(tree, String(file.value));
    const references = collectReferences(tree);
    if (issues.length) throw new MdxContentError(issues, references);
    const data = file.data as StoryFileData;
    data.storyReferences = references;
    // The text is read from this walk's tree: no second parse, and no regular expressions on MDX.
    data.storyText = plainTextOf(tree);
  };
}

type StoryFileData = { storyReferences?: BodyReferences; storyText?: string };

/** The compiled file's references, recorded by remarkSafeMdx. */
export function referencesOf(file: VFile): BodyReferences {
  return (file.data as StoryFileData).storyReferences ?? { links: [], images: [] };
}

/** The compiled file's plain text (plain-text.ts), recorded by remarkSafeMdx. */
export function plainTextOfFile(file: VFile): string {
  return (file.data as StoryFileData).storyText ?? '';
}

function collectReferences(tree: Root): BodyReferences {
  const refs: BodyReferences = { links: [], images: [] };
  const visit = (node: Nodes) => {
    const start = node.position?.start ?? { line: 1, column: 1 };
    if (node.type === 'link' || node.type === 'definition') {
      refs.links.push({ url: node.url, line: start.line, column: start.column });
    } else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Figure') {
      const src = node.attributes.find((a): a is MdxJsxAttribute => a.type === 'mdxJsxAttribute' && a.name === 'src');
      const value = src ? literalValue(src) : undefined;
      const at = src?.position?.start ?? start;
      if (typeof value === 'string') refs.images.push({ src: value, line: at.line, column: at.column });
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return refs;
}

/** The first node nested deeper than BODY_LIMITS.depth (components, quotes, lists, inline marks). */
export function depthIssue(tree: Root): MdxIssue | undefined {
  const stack: [Nodes, number][] = [[tree, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop() ?? [tree, 0];
    if (depth > BODY_LIMITS.depth) {
      const start = node.position?.start ?? { line: 1, column: 1 };
      return {
        line: start.line,
        column: start.column,
        message: `this is nested more than ${BODY_LIMITS.depth} levels deep (components, quotes, lists and marks): flatten it`,
      };
    }
    // A list and its items are one level, as a reader sees them; so are a table and its rows.
    const step = node.type === 'listItem' || node.type === 'tableRow' || node.type === 'paragraph' ? 0 : 1;
    if ('children' in node) for (const child of node.children) stack.push([child, depth + step]);
  }
  return undefined;
}

/** Every disallowed construct in a parsed body, in document order. */
export function findUnsafeMdx(tree: Root, source: string): MdxIssue[] {
  const issues: MdxIssue[] = [];
  const visit = (node: Nodes) => {
    const at = (message: string, position = node.position) =>
      issues.push({ line: position?.start.line ?? 1, column: position?.start.column ?? 1, message });
    switch (node.type) {
      case 'mdxjsEsm':
        at(IMPORT_EXPORT);
        break;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        if (!isCommentOnly(node)) at(expressionMessage(node.value));
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node, issues);
        break;
      case 'link':
      case 'definition':
        if (!isSafeUrl(node.url)) {
          at(
            `links may go to http(s), mailto or tel addresses or to a path on this site starting with "/", got ${JSON.stringify(node.url)}`,
          );
        }
        break;
      case 'image':
      case 'imageReference':
        at(
          'Markdown images are not allowed: use <Figure src="/images/x.jpg" alt="..." width={1600} height={900} caption="..." /> so the image has a size, a caption and a credit',
        );
        break;
      case 'html':
        at('HTML is not allowed in stories: use Markdown or one of the components ' + COMPONENT_LIST);
        break;
      case 'paragraph':
        if (looksLikeModuleCode(paragraphSource(node, source))) at(IMPORT_EXPORT);
        break;
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return issues;
}

const IMPORT_EXPORT =
  'import and export statements are not allowed in stories: remove the line (components such as <PullQuote> need no import)';

function expressionMessage(value: string): string {
  const code = value.trim().replace(/\s+/g, ' ');
  const shown = code.length > 40 ? `${code.slice(0, 37)}...` : code;
  return `JavaScript expressions are not allowed in stories, found {${shown}}: to show a curly brace, write \\{`;
}

function isCommentOnly(node: MdxFlowExpression | MdxTextExpression): boolean {
  const program = node.data?.estree;
  return Boolean(program && program.body.length === 0);
}

function checkElement(node: MdxJsxFlowElement | MdxJsxTextElement, issues: MdxIssue[]) {
  const start = node.position?.start ?? { line: 1, column: 1 };
  const add = (message: string, position = start) => issues.push({ line: position.line, column: position.column, message });
  const name = node.name;
  if (name === null) {
    add(`empty tags <>...</> are not allowed: use one of the components ${COMPONENT_LIST}, or none`);
    return;
  }
  if (!isAllowedComponent(name)) {
    add(
      /^[a-z]/.test(name)
        ? `HTML elements such as <${name}> are not allowed in stories: use Markdown, or one of the components ${COMPONENT_LIST} (see docs/editing.md)`
        : `unknown component <${name}>: expected one of ${COMPONENT_LIST} (see docs/editing.md)`,
    );
    return;
  }
  const spec: ComponentSpec = allowedComponents[name];
  const props = spec.props;
  const known = Object.keys(props).join(', ');
  const seen = new Set<string>();
  for (const attribute of node.attributes) {
    const where = attribute.position?.start ?? start;
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      add(
        `<${name}>: attribute expressions {${attribute.value}} are not allowed: write each attribute as name="text" or name={number}`,
        where,
      );
      continue;
    }
    const prop = Object.hasOwn(props, attribute.name) ? props[attribute.name] : undefined;
    if (!prop) {
      add(`<${name}> has no attribute ${JSON.stringify(attribute.name)}: expected ${known}`, where);
      continue;
    }
    seen.add(attribute.name);
    const value = literalValue(attribute);
    if (value === undefined) {
      const code = typeof attribute.value === 'object' && attribute.value ? attribute.value.value : '';
      add(`<${name}> ${attribute.name}: expected a literal value (e.g. ${prop.example}), got the expression {${code}}`, where);
      continue;
    }
    const typed = coerce(value, prop.type);
    if (typed === undefined) {
      add(`<${name}> ${attribute.name}: expected ${describeType(prop.type)} (e.g. ${prop.example}), got ${JSON.stringify(value)}`, where);
      continue;
    }
    const problem = prop.check?.(typed);
    if (problem) add(`<${name}> ${attribute.name}: ${problem}`, where);
  }
  for (const [propName, prop] of Object.entries(props)) {
    if (prop.required && !seen.has(propName)) {
      add(`<${name}> needs the attribute ${propName} (e.g. ${prop.example})`);
    }
  }
  if (typeof spec.children === 'object') checkElementChildren(node, spec.children, issues);
  else if (!spec.children && node.children.some((child) => child.type !== 'text' || child.value.trim() !== '')) {
    add(`<${name}> takes no content between its tags: write it as <${name} ... />`);
  }
}

/**
 * A container such as <Gallery>: only the components it lists between its tags (each then checked
 * as any component is), comments and blank lines; never text, Markdown or other components.
 */
function checkElementChildren(node: MdxJsxFlowElement | MdxJsxTextElement, rule: ElementChildren, issues: MdxIssue[]) {
  const name = node.name ?? '';
  const expected = rule.only.map((n) => `<${n} ... />`).join(' or ');
  const start = node.position?.start ?? { line: 1, column: 1 };
  const add = (message: string, position = start) => issues.push({ line: position.line, column: position.column, message });
  // A paragraph holding only components and spaces is the same elements written on one line.
  const children = node.children.flatMap((child) =>
    child.type === 'paragraph' && child.children.every((c) => isElement(c) || (c.type === 'text' && c.value.trim() === ''))
      ? child.children
      : [child],
  );
  let count = 0;
  for (const child of children) {
    const at = child.position?.start ?? start;
    if (child.type === 'text' && child.value.trim() === '') continue;
    if ((child.type === 'mdxFlowExpression' || child.type === 'mdxTextExpression') && isCommentOnly(child)) continue;
    if (isElement(child) && child.name !== null && rule.only.includes(child.name)) {
      count++;
      for (const attribute of child.attributes) {
        if (attribute.type !== 'mdxJsxAttribute' || !Object.hasOwn(rule.refusedProps ?? {}, attribute.name)) continue;
        const why = rule.refusedProps?.[attribute.name];
        add(
          `<${child.name}> inside <${name}> takes no ${attribute.name}: ${why}; remove ${attribute.name}="..."`,
          attribute.position?.start ?? at,
        );
      }
      continue;
    }
    add(`<${name}> takes only ${expected} between its tags, one per line: found ${describeChild(child)}`, at);
  }
  if (count < rule.min) add(`<${name}> needs at least ${rule.min} ${expected} between its tags, found ${count}`);
  else if (count > rule.max) add(`<${name}> takes at most ${rule.max} ${expected}, found ${count}: make two or leave some out`);
}

function isElement(node: Nodes): node is MdxJsxFlowElement | MdxJsxTextElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement';
}

/** What an editor wrote, in a few words, for a message. */
function describeChild(node: Nodes): string {
  if (isElement(node)) return node.name === null ? 'an empty tag <>' : `<${node.name}>`;
  const text = plainTextOf({ type: 'root', children: [node] } as Root)
    .trim()
    .replace(/\s+/g, ' ');
  if (text) return `text ${JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text)}`;
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') return 'a JavaScript expression';
  return `Markdown (${node.type})`;
}

function describeType(type: 'string' | 'number' | 'boolean'): string {
  return type === 'string' ? 'text in quotes' : type === 'number' ? 'a number' : 'true or false';
}

/** The value of an attribute when it is a literal; undefined for any other expression. */
function literalValue(attribute: MdxJsxAttribute): LiteralValue | undefined {
  const value = attribute.value;
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value;
  const program = value.data?.estree;
  if (!program || program.body.length !== 1) return undefined;
  const statement = program.body[0];
  if (statement?.type !== 'ExpressionStatement' || statement.expression.type !== 'Literal') return undefined;
  const literal = statement.expression.value;
  return typeof literal === 'string' || typeof literal === 'number' || typeof literal === 'boolean' ? literal : undefined;
}

function coerce(value: LiteralValue, type: 'string' | 'number' | 'boolean'): LiteralValue | undefined {
  if (type === 'string') return typeof value === 'string' ? value : undefined;
  if (type === 'boolean') return typeof value === 'boolean' ? value : undefined;
  if (typeof value === 'number') return value;
  return typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

function isSafeUrl(url: string): boolean {
  // Browsers ignore tabs, newlines and leading control characters in URLs; so must we.
  // eslint-disable-next-line no-control-regex -- strips control characters on purpose
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(compact);
  return !scheme || LINK_SCHEMES.has(scheme[0].toLowerCase());
}

function paragraphSource(node: Nodes, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? '' : source.slice(start, end);
}

/** A paragraph that is really an import or export statement (prose like "export growth fell" is not). */
function looksLikeModuleCode(text: string): boolean {
  if (!/^(?:import|export)\b/.test(text)) return false;
  try {
    const program = parseJavaScript(text, { ecmaVersion: 'latest', sourceType: 'module' });
    return program.body.some((statement) => /^(Import|Export)/.test(statement.type));
  } catch {
    return false;
  }
}

/** By name, not instanceof: a bundler or tsx may load this module twice. */
export function isMdxContentError(error: unknown): error is MdxContentError {
  return error instanceof Error && error.name === 'MdxContentError' && 'issues' in error && Array.isArray(error.issues);
}

/**
 * Turns whatever compiling a body threw into issues with positions: our own refusals, and MDX
 * syntax errors, with a hint for the two characters MDX treats specially.
 */
export function toMdxIssues(error: unknown): MdxIssue[] {
  if (isMdxContentError(error)) return [...error.issues];
  if (error && typeof error === 'object' && 'reason' in error && typeof error.reason === 'string') {
    const e = error as { reason: string; line?: number | null; column?: number | null; source?: string | null; ruleId?: string | null };
    // Some messages carry their place only in the text: "... (12:1-12:27)".
    const inText = /\((\d+):(\d+)-\d+:\d+\)/.exec(e.reason);
    const line = e.line ?? (inText ? Number(inText[1]) : 1);
    const column = e.column ?? (inText ? Number(inText[2]) : 1);
    let hint = '';
    if (e.reason.includes('comment')) {
      hint = ' (HTML comments <!-- --> do not work in MDX: write {/* comment */})';
    } else if (e.ruleId === 'end-tag-mismatch') {
      hint = ' (close a component with its end tag, e.g. </PullQuote>, or end a component without content with />)';
    } else if (e.source?.includes('mdx-jsx') && e.ruleId?.startsWith('unexpected')) {
      hint = ' (a "<" followed by a letter starts a component: to write a less-than sign there, put a space after it or write \\<)';
    } else if (e.source?.includes('mdx-expression')) {
      hint = ' (a "{" starts JavaScript, which stories may not contain: to show a curly brace, write \\{)';
    }
    return [{ line, column, message: `MDX could not read this: ${e.reason}${hint}` }];
  }
  return [{ line: 1, column: 1, message: `MDX could not compile the body: ${error instanceof Error ? error.message : String(error)}` }];
}
