import type { Story, Section } from '@/lib/content/schema';
import { StoryCard } from './StoryCard';

/** List cards shown on the first screen when no lead picture fills it (a lead without one is only text). */
const EAGER_WITHOUT_LEAD_PICTURE = 2;

/**
 * A titled list of stories, newest first, divided by rules, each with its thumbnail. With `lead`
 * (page 1 of a front), the first story is a lead card: its picture is the page's largest, fetched
 * first; the rest are below the first screen, so lazy. When the lead has no picture, the first
 * cards of the list are on the first screen instead, so theirs load eagerly.
 */
export function StoryList({
  title,
  stories,
  sections,
  showTime = false,
  lead = false,
}: {
  title: string;
  stories: readonly Story[];
  sections: readonly Section[];
  showTime?: boolean;
  lead?: boolean;
}) {
  const id = `list-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  const leadPicture = lead && Boolean(stories[0]?.image);
  const sectionOf = (story: Story) => sections.find((s) => s.id === story.section);
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="font-sans text-lg font-bold text-ink">
        {title}
      </h2>
      <ul className="mt-2 divide-y divide-rule">
        {stories.map((story, i) => (
          <li key={story.slug} className={lead && i === 0 ? 'pt-3 pb-6' : 'py-5'}>
            {lead && i === 0 ? (
              <StoryCard
                story={story}
                section={sectionOf(story)}
                variant="lead"
                showTime={showTime}
                loading={leadPicture ? 'high' : 'eager'}
              />
            ) : (
              <StoryCard
                story={story}
                section={sectionOf(story)}
                variant="list"
                showTime={showTime}
                loading={!leadPicture && i <= EAGER_WITHOUT_LEAD_PICTURE - (lead ? 0 : 1) ? 'eager' : 'lazy'}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
