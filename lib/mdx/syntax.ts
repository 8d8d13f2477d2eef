import { autolink } from 'micromark-core-commonmark';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Code, Construct, ConstructRecord, Extension, State, TokenizeContext, Effects } from 'micromark-util-types';

/**
 * The syntax stories are written in: MDX's JSX tags and `{...}` expressions (so the safety check
 * can see and refuse what it must), with three changes that keep ordinary prose compiling:
 *
 * - `import`/`export` lines are not code: the ESM construct is left out, so such a line is a plain
 *   paragraph (the safety check then refuses one that parses as a statement).
 * - A `<` that cannot start a tag (`<5%`, `a <= b`, `<3`) is just a less-than sign, where MDX would
 *   stop with "Unexpected character before name".
 * - `<https://example.com>` is a link again, as in Markdown.
 *
 * HTML stays disabled (MDX's own `mdxMd`): `<script>` is parsed as JSX and refused by name.
 */
export function safeMdxSyntax(): Extension {
  const base = mdxjs();
  const flow: ConstructRecord = { ...base.flow };
  const text: ConstructRecord = { ...base.text };
  // The ESM construct starts at `e`xport and `i`mport; nothing else in MDX registers there.
  delete flow[101];
  delete flow[105];
  const jsxFlow = findConstruct(base.flow, 60, 'mdxJsxFlowTag');
  const jsxText = findConstruct(base.text, 60, 'mdxJsxTextTag');
  flow[60] = lenientTag(jsxFlow, 'safeMdxJsxFlowTag', 'flow');
  text[60] = lenientTag(jsxText, 'safeMdxJsxTextTag', 'text');
  return {
    ...base,
    flow,
    text,
    // The original tags are replaced by the lenient ones (same tokens, so the same syntax tree).
    disable: { null: [...(base.disable?.null ?? []), 'mdxJsxFlowTag', 'mdxJsxTextTag'] },
  };
}

function findConstruct(record: ConstructRecord | undefined, code: number, name: string): Construct {
  const entry = record?.[code];
  const list = Array.isArray(entry) ? entry : entry ? [entry] : [];
  const found = list.find((c): c is Construct => 'tokenize' in c && c.name === name);
  if (!found) throw new Error(`MDX syntax changed: construct ${name} not found`);
  return found;
}

const LESS_THAN = 60;
const SLASH = 47;
const GREATER_THAN = 62;
const EXCLAMATION = 33;

/** After `<`, only a name, `/` (closing tag), `>` (fragment) or `!` (an HTML comment, refused) makes a tag. */
function startsTag(code: Code): boolean {
  if (code === null || code < 0) return false;
  if (code === SLASH || code === GREATER_THAN || code === EXCLAMATION) return true;
  return /[$_\p{ID_Start}]/u.test(String.fromCodePoint(code));
}

/** Succeeds (in a check, so nothing is consumed) when the `<` here cannot start a tag. */
const lessThanInProse: Construct = {
  partial: true,
  tokenize(effects: Effects, ok: State, nok: State): State {
    return (code) => {
      if (code !== LESS_THAN) return nok(code);
      effects.enter('data');
      effects.consume(code);
      effects.exit('data');
      return (next) => (startsTag(next) ? nok(next) : ok(next));
    };
  },
};

// CommonMark's autolink, renamed: MDX disables the original by name.
const markdownAutolink: Construct = { ...autolink, name: 'safeMdxAutolink' };

function lenientTag(original: Construct, name: string, kind: 'flow' | 'text'): Construct {
  return {
    ...original,
    name,
    tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
      const tag = original.tokenize.call(this, effects, ok, nok);
      const tagOrProse = effects.check(lessThanInProse, nok, tag);
      // In text an autolink is parsed here; in flow it is left to the paragraph.
      return kind === 'text' ? effects.attempt(markdownAutolink, ok, tagOrProse) : effects.check(markdownAutolink, nok, tagOrProse);
    },
  };
}
