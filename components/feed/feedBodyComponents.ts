import type { MDXComponents } from 'mdx/types';
import { bodyComponents } from '@/components/body/bodyComponents';
import { FeedFigure } from './FeedFigure';
import { FeedImage } from './FeedImage';
import { FeedLink } from './FeedLink';
import { FeedPullQuote } from './FeedPullQuote';

/**
 * The story body map for feeds: the page's map (so every component an editor may use renders),
 * with the parts that need the page's runtime (next/image) or relative URLs replaced by plain HTML
 * with absolute addresses.
 */
export const feedBodyComponents: MDXComponents = {
  ...bodyComponents,
  a: FeedLink,
  img: FeedImage,
  Figure: FeedFigure,
  PullQuote: FeedPullQuote,
};
