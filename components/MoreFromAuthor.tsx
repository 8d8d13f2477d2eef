import type { Story, Author, Section } from '@/lib/content/schema';
import { paths } from '@/lib/urls';
import { StoryCard } from './StoryCard';

/** "More from Mark Jones": the author's other recent stories, as list cards with thumbnails, below the related stories. */
export function MoreFromAuthor({ author, stories, sections }: { author: Author; stories: readonly Story[]; sections: readonly Section[] }) {
  if (stories.length === 0) return null;
  return (
    <section aria-labelledby="more-from-heading" data-print="hide">
      <h2 id="more-from-heading" className="font-sans text-lg font-bold text-ink">
        More from {author.name}
      </h2>
      <ul className="mt-3 grid gap-x-6 divide-y divide-rule lg:grid-cols-2 lg:divide-y-0">
        {stories.map((story) => (
          <li key={story.slug} className="py-4 lg:border-b lg:border-rule">
            <StoryCard story={story} section={sections.find((s) => s.id === story.section)} variant="list" />
          </li>
        ))}
      </ul>
      <p className="mt-3 font-sans text-sm">
        <a href={paths.author(author.id)} className="font-semibold text-link hover:underline">
          All stories by {author.name}
        </a>
      </p>
    </section>
  );
}
