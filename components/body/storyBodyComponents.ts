import 'server-only';
import type { MDXComponents } from 'mdx/types';
import { bodyComponents } from './bodyComponents';
import { PictureFigure } from './PictureFigure';

/**
 * The body components map of story pages, rendered on the server: the shared map (bodyComponents.ts,
 * which the live preview also renders in the browser) with figures drawn from the content index's
 * renditions (server-only: it reads the index).
 */
export const storyBodyComponents: MDXComponents = {
  ...bodyComponents,
  Figure: PictureFigure,
};
