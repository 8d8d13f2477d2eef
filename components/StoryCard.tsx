import type { Story, Section } from '@/lib/content/schema';
import { formatDate, formatDateAndTime } from '@/lib/format/display-dates';
import { paths } from '@/lib/urls';
import { LiveLabel } from './LiveLabel';
import { ResponsiveImage } from './ResponsiveImage';

type StoryCardProps = {
  story: Story;
  section?: Section;
  /** Lead stories get the image and a larger headline; others stay compact. */
  variant?: 'lead' | 'standard' | 'compact';
  headingLevel?: 'h2' | 'h3';
  /** Show the time of day with the date (listings where order within a day matters). */
  showTime?: boolean;
};

/** A story in a list: section, headline (the link), dek and date; "Live" while its coverage goes on. */
export function StoryCard({ story, section, variant = 'standard', headingLevel = 'h3', showTime = false }: StoryCardProps) {
  const Heading = headingLevel;
  const lead = variant === 'lead';
  return (
    <article className="story-card group">
      {lead && story.image ? (
        <ResponsiveImage
          src={story.image.src}
          alt={story.image.alt}
          width={story.image.width}
          height={story.image.height}
          priority
          sizes="(min-width: 1024px) 40rem, 100vw"
          className="mb-2 h-auto w-full bg-surface"
        />
      ) : null}
      <p className="kicker">
        {story.live?.status === 'live' ? <LiveLabel status="live" /> : null}
        {section ? <span className="text-accent">{section.name}</span> : null}
        {story.sample ? <span className="text-muted">Sample story</span> : null}
      </p>
      <Heading
        className={
          lead
            ? 'font-serif text-3xl leading-tight font-bold text-ink text-balance sm:text-4xl'
            : variant === 'compact'
              ? 'card-headline-compact'
              : 'card-headline'
        }
      >
        <a href={paths.storyPage(story)} className="card-link">
          {story.title}
        </a>
      </Heading>
      {variant !== 'compact' ? <p className={`font-serif text-muted ${lead ? 'text-lg' : 'text-base'}`}>{story.dek}</p> : null}
      <p className="card-date">
        <time dateTime={story.publishedAt}>{showTime ? formatDateAndTime(story.publishedAt) : formatDate(story.publishedAt)}</time>
      </p>
    </article>
  );
}
