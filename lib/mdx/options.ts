import type { CompileOptions } from '@mdx-js/mdx';
import remarkGfm from 'remark-gfm';
import { remarkSafeMdx } from './safe-mdx';

/**
 * How every story body is compiled: on the server, by the content check and in the live preview.
 * `format: 'md'` leaves out MDX's own syntax (with its import/export); remarkSafeMdx adds back the
 * safe dialect and refuses what is not allowed. GFM adds tables, footnotes and strikethrough.
 */
export const storyCompileOptions = {
  format: 'md',
  remarkPlugins: [remarkGfm, remarkSafeMdx],
  outputFormat: 'function-body',
  development: false,
} as const satisfies CompileOptions;
