import type { Story, Author } from '@/lib/content/schema';
import { formatDate } from '@/lib/format/display-dates';
import { paths } from '@/lib/urls';

/** "More from Mark Jones": the author's other recent stories, beside the related list. */
export function MoreFromAuthor({ author, stories }: { author: Author; stories: readonly Story[] }) {
  if (stories.length === 0) return null;
  return (
    <section aria-labelledby="more-from-heading" data-print="hide">
      <h2 id="more-from-heading" className="font-sans text-lg font-bold text-ink">
        More from {author.name}
      </h2>
      <ul className="mt-3 divide-y divide-rule">
        {stories.map((story) => (
          <li key={story.slug} className="py-3">
            <a href={paths.storyPage(story)} className="font-serif text-base leading-snug font-semibold text-ink hover:underline">
              {story.title}
            </a>
            <p className="mt-1 font-sans text-xs text-muted">
              <time dateTime={story.publishedAt}>{formatDate(story.publishedAt)}</time>
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
