import { FeedFigure } from './FeedFigure';
import { feedBodyComponents } from './feedBodyComponents';
import type { Story } from '@/lib/content/schema';
import { runBodyCode } from '@/lib/mdx/run-body';

type ReactDomServer = typeof import('react-dom/server');

/**
 * React's static renderer, loaded by Node at run time. Next refuses `react-dom/server` in the
 * server-component graph that route handlers belong to, so the import is kept out of the bundle
 * (`turbopackIgnore`); feeds render only plain HTML elements and hook-free components, which any
 * React 19 renderer handles (elements are plain objects keyed by global symbols).
 */
function reactDomServer(): Promise<ReactDomServer> {
  return import(/* turbopackIgnore: true */ /* webpackIgnore: true */ 'react-dom/server');
}

/** A live update's body as HTML for feed readers (ADR 0011), with the feed components map. */
export async function updateHtml(code: string): Promise<string> {
  const [Content, { renderToStaticMarkup }] = await Promise.all([runBodyCode(code), reactDomServer()]);
  return renderToStaticMarkup(<Content components={feedBodyComponents} />);
}

/**
 * The whole story as HTML for feed readers, from the body the content index compiled: lead image, the MDX body rendered with the feed
 * components map (absolute links and image URLs, no client code), and the source line.
 */
export async function storyHtml(story: Story, code: string): Promise<string> {
  const [Content, { renderToStaticMarkup }] = await Promise.all([runBodyCode(code), reactDomServer()]);
  return renderToStaticMarkup(
    <>
      {story.image ? <FeedFigure {...story.image} /> : null}
      <Content components={feedBodyComponents} />
      {story.source ? <p>Source: {story.source.url ? <a href={story.source.url}>{story.source.name}</a> : story.source.name}</p> : null}
    </>,
  );
}
