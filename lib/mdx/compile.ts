import type { MDXContent } from 'mdx/types';
import { countCompiled } from './compiled-count';
import { storyCompileOptions } from './options';
import { runBodyCode } from './run-body';
import { bodyLimitIssues } from './limits';
import {
  isMdxContentError,
  MdxContentError,
  plainTextOfFile,
  referencesOf,
  toMdxIssues,
  type BodyReferences,
  type MdxIssue,
} from './safe-mdx';

/*
 * MDX is compiled when a story is checked (the content index keeps the code, ADR 0010) and only
 * run when a page renders it (run-body.ts, which never loads the compiler). Checking never
 * caches: the live editor's checks (bodies of up to 1 MB on every pause in typing) leave nothing
 * behind.
 */

export type CompiledBody = {
  /** The body as a component; pass the components map as its `components` prop. */
  Content: MDXContent;
  references: BodyReferences;
};

/** A body check: what is wrong, where the body points, and (when nothing is) its compiled code and plain text. */
export type BodyCheck = { issues: MdxIssue[]; references?: BodyReferences; code?: string; text?: string };

/** What compiling a body gives: its code, where it points, and its plain text (lib/mdx/plain-text.ts). */
export type CompiledCode = { code: string; references: BodyReferences; text: string };

let loaded: Promise<typeof import('@mdx-js/mdx')> | undefined;

/**
 * @mdx-js/mdx, imported once, as an ES module (the content check runs this file under tsx as
 * CommonJS, where its ESM-only dependencies cannot be required). An import() per body went
 * through the module loader's hooks each time: a third of the cost of indexing a story.
 */
function mdx() {
  loaded ??= import('@mdx-js/mdx');
  return loaded;
}

/**
 * Compiles a body to the code the content index keeps (a function body). The safety plugin
 * refuses code, HTML and unknown components, so only what lib/mdx/allowed-components.ts lists
 * ever runs. Throws on a body that is not allowed or does not compile.
 */
export async function compileBodyCode(source: string): Promise<CompiledCode> {
  const limits = bodyLimitIssues(source);
  if (limits.length) throw new MdxContentError(limits, { links: [], images: [] });
  const { compile } = await mdx();
  countCompiled();
  const file = await compile(source, storyCompileOptions);
  return { code: String(file), references: referencesOf(file), text: plainTextOfFile(file) };
}

/** Compiles and runs a body (tests, and tools that render a text that is in no index). */
export async function compileBody(source: string): Promise<CompiledBody> {
  const { code, references } = await compileBodyCode(source);
  return { Content: await runBodyCode(code), references };
}

/**
 * What is wrong with a body, at lines and columns of its file (front matter lines are blank in
 * `StoryFile.body`, so positions match), and its code when nothing is. Nothing is cached.
 */
export async function checkBody(source: string): Promise<BodyCheck> {
  try {
    return { issues: [], ...(await compileBodyCode(source)) };
  } catch (error) {
    return { issues: toMdxIssues(error), references: isMdxContentError(error) ? error.references : undefined };
  }
}
