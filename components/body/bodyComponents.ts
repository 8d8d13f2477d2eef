import type { MDXComponents } from 'mdx/types';
import { Blockquote } from './Blockquote';
import { BodyLink } from './BodyLink';
import { Embed } from './Embed';
import { Figure } from './Figure';
import { Gallery } from './Gallery';
import { PullQuote } from './PullQuote';

/**
 * The one components map for story bodies, passed straight to compiled MDX (server components
 * cannot use MDXProvider's React context; see docs/architecture/0002-mdx-at-run-time.md).
 * Capitalised names are the components editors may use (the allow-list, with their attributes,
 * is lib/mdx/allowed-components.ts); lowercase ones restyle Markdown. No server-only code here:
 * the live preview renders the same map in the browser. Story pages use storyBodyComponents.ts,
 * this map with figures from the content index's renditions.
 */
export const bodyComponents: MDXComponents = {
  a: BodyLink,
  blockquote: Blockquote,
  PullQuote,
  Figure,
  Gallery,
  Embed,
};
