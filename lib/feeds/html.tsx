import { renderToStaticMarkup } from 'react-dom/server';
import { FeedFigure } from '@/components/feed/FeedFigure';
import { feedBodyComponents } from '@/components/feed/feedBodyComponents';
import type { Article } from '@/lib/content/schema';
import { compileBody } from '@/lib/mdx/compile';

/**
 * The whole story as HTML for feed readers: lead image, the MDX body rendered with the feed
 * components map (absolute links and image URLs, no client code), and the source line.
 */
export async function articleHtml(article: Article): Promise<string> {
  const Content = await compileBody(article.body);
  return renderToStaticMarkup(
    <>
      {article.image ? <FeedFigure {...article.image} /> : null}
      <Content components={feedBodyComponents} />
      {article.source ? (
        <p>
          Source: {article.source.url ? <a href={article.source.url}>{article.source.name}</a> : article.source.name}
        </p>
      ) : null}
    </>,
  );
}
