import type { Article } from '@/lib/content/schema';
import { formatDate, formatTime } from '@/lib/format/display-dates';
import { paths } from '@/lib/urls';

/** The front page's running list: newest stories with their time. */
export function LatestList({ articles }: { articles: readonly Article[] }) {
  return (
    <section aria-labelledby="latest-heading">
      <h2 id="latest-heading" className="border-b-2 border-ink pb-2 font-sans text-lg font-bold text-ink">
        Latest
      </h2>
      <ol className="divide-y divide-rule">
        {articles.map((article) => (
          <li key={article.slug} className="flex gap-3 py-3">
            <time dateTime={article.publishedAt} className="w-20 shrink-0 pt-0.5 font-sans text-xs leading-5 text-muted">
              {formatTime(article.publishedAt)}
              <br />
              {formatDate(article.publishedAt)}
            </time>
            <a href={paths.article(article.slug)} className="font-serif text-base leading-snug font-semibold text-ink hover:underline">
              {article.title}
            </a>
          </li>
        ))}
      </ol>
    </section>
  );
}
