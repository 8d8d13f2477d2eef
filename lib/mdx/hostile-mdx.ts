import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { MDXComponents } from 'mdx/types';
import { checkBody } from './compile';
import { runBodyCode } from './run-body';

/*
 * Story bodies derived from the safe-MDX grammar and its known escapes, for the fuzz test
 * (safe-mdx.fuzz.test.ts, a few hundred cases) and the fuzz bench (bench/fuzz-mdx.ts, 100,000).
 * Tests only: nothing on a page imports fast-check.
 */

/** javascript:, data: and vbscript: in the forms browsers still follow: case, entities, control characters, percent-encoding. */
const scriptUrl = fc.constantFrom(
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  'javascript&#58;alert(1)',
  'javascript&colon;alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'javascript%3Aalert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'DATA:text/html;base64,PHNjcmlwdD4=',
  '//evil.example/x',
  'https://example.com/ok',
  '/world',
  'mailto:desk@example.com',
);

const word = fc.constantFrom(
  'the',
  'boat',
  'Donga',
  'said',
  '5%',
  'a<b',
  '<3',
  'export',
  'import',
  '&amp;',
  '&lt;script&gt;',
  '\\{',
  '\\<',
  '|',
  '*',
  '_',
  '~',
  '`',
  '[',
  ']',
  '(',
  ')',
  '!',
  '#',
  '>',
  '-',
  '1.',
);
const attrName = fc.constantFrom(
  'cite',
  'src',
  'alt',
  'width',
  'height',
  'caption',
  'credit',
  'url',
  'title',
  'onclick',
  'onError',
  'style',
  'href',
  'dangerouslySetInnerHTML',
  'className',
);
const tagName = fc.constantFrom(
  'PullQuote',
  'Figure',
  'Embed',
  'script',
  'iframe',
  'form',
  'object',
  'base',
  'img',
  'a',
  'div',
  'style',
  'svg',
  'Foo',
  'Foo.Bar',
  'x:y',
);
const expression = fc.constantFrom(
  '{alert(1)}',
  '{/* comment */}',
  '{`${alert(1)}`}',
  '{(() => fetch("/x"))()}',
  '{...props}',
  '{"a"}',
  '{1600}',
  '{true}',
  '{eval("1")}',
  '{globalThis.process}',
);
const embedUrl = fc.constantFrom(
  'https://youtu.be/dQw4w9WgXcQ',
  'https://vimeo.com/76979871',
  'https://datawrapper.dwcdn.net/abcde/1/',
  'https://evil.example/embed',
  'javascript:alert(1)',
);

const attribute = fc.oneof(
  fc.tuple(attrName, scriptUrl).map(([n, v]) => `${n}="${v.replaceAll('"', '&quot;')}"`),
  fc.tuple(attrName, expression).map(([n, e]) => `${n}=${e}`),
  fc.tuple(attrName, embedUrl).map(([n, v]) => `${n}="${v}"`),
  attrName,
  expression,
);

type Inline = string;

const inlineTree = fc.letrec<{ inline: Inline }>((tie) => ({
  inline: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    // Mostly prose, so that most bodies compile and their HTML is judged, not only refused.
    { arbitrary: fc.array(word, { minLength: 1, maxLength: 6 }).map((ws) => ws.join(' ')), weight: 12 },
    expression,
    fc.tuple(tie('inline'), scriptUrl).map(([t, u]) => `[${t}](${u})`),
    fc.tuple(tie('inline'), scriptUrl).map(([t, u]) => `[${t}][r]\n\n[r]: ${u}`),
    scriptUrl.map((u) => `<${u}>`),
    fc.tuple(tie('inline'), scriptUrl).map(([t, u]) => `![${t}](${u})`),
    tie('inline').map((t) => `*${t}*`),
    tie('inline').map((t) => `**${t}**`),
    tie('inline').map((t) => `~~${t}~~`),
    tie('inline').map((t) => `\`${t}\``),
    fc.tuple(tagName, fc.array(attribute, { maxLength: 3 }), tie('inline')).map(([n, a, t]) => `<${n} ${a.join(' ')}>${t}</${n}>`),
    fc.tuple(tagName, fc.array(attribute, { maxLength: 3 })).map(([n, a]) => `<${n} ${a.join(' ')} />`),
  ),
})).inline;

const block = fc.oneof(
  { arbitrary: inlineTree, weight: 3 },
  inlineTree.map((t) => `> ${t}`),
  inlineTree.map((t) => `- ${t}\n  - ${t}`),
  inlineTree.map((t) => `# ${t}`),
  inlineTree.map((t) => `| a | ${t} |\n| - | - |\n| ${t} | x |`),
  inlineTree.map((t) => `${t}[^1]\n\n[^1]: ${t}`),
  inlineTree.map((t) => `\`\`\`js\n${t}\n\`\`\``),
  fc.constantFrom('import x from "y"', 'export const a = 1', 'export default function X() {}', '<!-- comment -->', '<>fragment</>'),
  fc.tuple(fc.array(attribute, { maxLength: 4 }), inlineTree).map(([a, t]) => `<PullQuote ${a.join(' ')}>\n\n${t}\n\n</PullQuote>`),
  fc.tuple(embedUrl, fc.array(attribute, { maxLength: 2 })).map(([u, a]) => `<Embed url="${u}" title="A video" ${a.join(' ')} />`),
);

/** Huge and deeply nested shapes: near and over the limits in lib/mdx/limits.ts. */
const extreme = fc.oneof(
  fc.integer({ min: 1, max: 200 }).map((n) => `${'> '.repeat(n)}deep`),
  fc.integer({ min: 1, max: 200 }).map((n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i)}- item`).join('\n')),
  fc.integer({ min: 1, max: 300 }).map((n) => `${'- '.repeat(n)}x`),
  fc.integer({ min: 1, max: 300 }).map((n) => `${'*'.repeat(n)}x${'*'.repeat(n)}`),
  fc.integer({ min: 1, max: 200 }).map((n) => `${'<PullQuote>'.repeat(n)}x${'</PullQuote>'.repeat(n)}`),
  fc.integer({ min: 1, max: 2000 }).map((n) => '['.repeat(n)),
  fc.integer({ min: 1, max: 4000 }).map((n) => 'word *a* [l](/x) '.repeat(n)),
  fc.integer({ min: 1, max: 120 }).map((n) => `${'|a'.repeat(n)}|\n${'|-'.repeat(n)}|\n${`${'|x'.repeat(n)}|\n`.repeat(n)}`),
);

/** One story body: a few blocks separated by blank lines, now and then an extreme one. */
export const hostileBody = fc
  .tuple(fc.array(block, { minLength: 1, maxLength: 6 }), fc.option(extreme, { freq: 4 }))
  .map(([blocks, big]) => [...blocks, ...(big === null ? [] : [big])].join('\n\n'));

/** What must never be in a compiled body's HTML: why each is there is its name. */
export const UNSAFE_HTML: readonly [string, RegExp][] = [
  ['a script element', /<script/i],
  ['an event handler attribute', /<[^>]*\son[a-z]+\s*=/i],
  ['a javascript:, data: or vbscript: URL', /(?:href|src|action|formaction|data|poster)\s*=\s*"\s*(?:javascript|data|vbscript):/i],
  ['a form, object, embed or base element', /<(?:form|object|embed|base)[\s>/]/i],
  // The one style a body renders is an embed's validated numeric height (components/body/Embed.tsx).
  ['a style element, or a style attribute from the document', /<style|\sstyle\s*=\s*"(?!height:\d+px")/i],
];

/** The iframes a body may render: the three embed players, nothing else. */
export const ALLOWED_IFRAME_SRC = /^https:\/\/(?:www\.youtube-nocookie\.com|player\.vimeo\.com|datawrapper\.dwcdn\.net)\//;

/** A fuzzed body's outcome, rendered with the site's body components: a problem when it is neither refused with a place nor safe HTML. */
export async function verdict(body: string, components: MDXComponents): Promise<{ refused: boolean; problem?: string }> {
  const check = await checkBody(body);
  if (check.issues.length) {
    const bad = check.issues.find((i) => !(i.line >= 1 && i.column >= 1 && i.message.length > 0));
    if (bad) return { refused: true, problem: `refused without a line and column: ${JSON.stringify(bad)}` };
    // "could not compile" is how an internal crash (a stack overflow) surfaces: never acceptable.
    const crash = check.issues.find((i) => i.message.startsWith('MDX could not compile the body'));
    return { refused: true, problem: crash ? `the compiler crashed: ${crash.message}` : undefined };
  }
  if (check.code === undefined) return { refused: false, problem: 'neither refused nor compiled' };
  const Content = await runBodyCode(check.code);
  const html = renderToStaticMarkup(createElement(Content, { components }));
  for (const [what, pattern] of UNSAFE_HTML)
    if (pattern.test(html)) return { refused: false, problem: `the HTML has ${what}: ${html.slice(0, 300)}` };
  for (const [, src] of html.matchAll(/<iframe[^>]*\ssrc="([^"]*)"/g)) {
    if (!ALLOWED_IFRAME_SRC.test(src ?? '')) return { refused: false, problem: `an iframe from ${src}` };
  }
  if (/<iframe(?![^>]*\ssrc=")/.test(html)) return { refused: false, problem: 'an iframe without a src' };
  return { refused: false };
}
