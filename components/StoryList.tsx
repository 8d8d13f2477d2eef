import type { Story, Section } from '@/lib/content/schema';
import { StoryCard } from './StoryCard';

/** List cards shown on the first screen when no lead picture fills it. */
const EAGER_WITHOUT_LEAD_PICTURE = 2;

/**
 * How many lead cards open page 1 of a front: the newest story, and when it has no picture the next
 * one too if it has (a smaller text lead above a picture lead, as a paper does with a pictureless splash),
 * so the front still opens on a picture and keeps newest-first order.
 */
function leadCount(stories: readonly Story[]): number {
  if (!stories[0]) return 0;
  return !stories[0].image && stories[1]?.image ? 2 : 1;
}

/**
 * A titled list of stories, newest first, divided by rules, each with its thumbnail. With `lead`
 * (page 1 of a front), the first stories are lead cards (leadCount): the lead picture is the page's
 * largest, fetched first; the list below is past the first screen, so lazy. When no lead has a
 * picture, the first cards of the list are on the first screen instead, so theirs load eagerly.
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
  const leads = lead ? leadCount(stories) : 0;
  const leadPicture = stories.slice(0, leads).some((s) => s.image);
  const sectionOf = (story: Story) => sections.find((s) => s.id === story.section);
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="font-sans text-lg font-bold text-ink">
        {title}
      </h2>
      <ul className="mt-2 divide-y divide-rule">
        {stories.map((story, i) => (
          <li key={story.slug} className={i < leads ? 'pt-3 pb-6' : 'py-5'}>
            {i < leads ? (
              <StoryCard
                story={story}
                section={sectionOf(story)}
                variant="lead"
                showTime={showTime}
                loading={story.image ? 'high' : 'eager'}
                beforePictureLead={leads === 2 && i === 0}
              />
            ) : (
              <StoryCard
                story={story}
                section={sectionOf(story)}
                variant="list"
                showTime={showTime}
                loading={!leadPicture && i < leads + EAGER_WITHOUT_LEAD_PICTURE ? 'eager' : 'lazy'}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
