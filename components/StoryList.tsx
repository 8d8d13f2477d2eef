import type { Story, Section } from '@/lib/content/schema';
import { StoryCard } from './StoryCard';

/** A titled list of stories, newest first, divided by rules. */
export function StoryList({
  title,
  stories,
  sections,
  showTime = false,
}: {
  title: string;
  stories: readonly Story[];
  sections: readonly Section[];
  showTime?: boolean;
}) {
  const id = `list-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="font-sans text-lg font-bold text-ink">
        {title}
      </h2>
      <ul className="mt-2 divide-y divide-rule">
        {stories.map((story) => (
          <li key={story.slug} className="py-5">
            <StoryCard story={story} section={sections.find((s) => s.id === story.section)} showTime={showTime} />
          </li>
        ))}
      </ul>
    </section>
  );
}
