import type { Article, Author } from '@/lib/content/schema';
import { formatDate } from '@/lib/format/display-dates';
import { paths } from '@/lib/urls';

/** "More from Mark Jones": the author's other recent stories, beside the related list. */
export function MoreFromAuthor({ author, articles }: { author: Author; articles: readonly Article[] }) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="more-from-heading" data-print="hide">
      <h2 id="more-from-heading" className="font-sans text-lg font-bold text-ink">
        More from {author.name}
      </h2>
      <ul className="mt-3 divide-y divide-rule">
        {articles.map((article) => (
          <li key={article.slug} className="py-3">
            <a href={paths.article(article.slug)} className="font-serif text-base leading-snug font-semibold text-ink hover:underline">
              {article.title}
            </a>
            <p className="mt-1 font-sans text-xs text-muted">
              <time dateTime={article.publishedAt}>{formatDate(article.publishedAt)}</time>
            </p>
          </li>
        ))}
      </ul>
      <p className="mt-2 font-sans text-sm">
        <a href={paths.author(author.id)} className="font-semibold text-link hover:underline">
          All stories by {author.name}
        </a>
      </p>
    </section>
  );
}
