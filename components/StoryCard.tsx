import { getPicture } from '@/lib/content/pictures';
import type { Story, Section } from '@/lib/content/schema';
import { formatDate, formatDateAndTime } from '@/lib/format/display-dates';
import { paths } from '@/lib/urls';
import { LiveLabel } from './LiveLabel';
import { Picture } from './Picture';

/** Each variant shows its picture in the slot of the same name (lib/media/slots.ts), whose `sizes` describe the layouts here. */
export type CardVariant = 'lead' | 'standard' | 'list';
export type CardLoading = 'lazy' | 'eager' | 'high';

const SLOT = { lead: 'card-lead', standard: 'card-standard', list: 'card-list' } as const;

type StoryCardProps = {
  story: Story;
  section?: Section;
  /**
   * `lead`: the picture across the card (portrait on phones), a large headline and the dek.
   * `standard`: a card in a row (.card-grid): a square thumbnail beside the text on phones, the
   * picture on top from 48rem. `list`: a thumbnail beside the text at every width.
   */
  variant?: CardVariant;
  headingLevel?: 'h2' | 'h3';
  /** Show the time of day with the date (listings where order within a day matters). */
  showTime?: boolean;
  /** How the picture loads: the page decides by the card's position (first screen or not). */
  loading?: CardLoading;
  /**
   * A lead without a picture that a picture lead follows (StoryList): a smaller panel, so the
   * picture lead after it is on the first screen, on a phone too, and is the page's largest paint.
   */
  beforePictureLead?: boolean;
};

/** A list card with its picture: the thumbnail beside the text (search results share it). */
export const LIST_CARD_GRID = 'grid grid-cols-[7rem_minmax(0,1fr)] items-start gap-3 md:grid-cols-[10rem_minmax(0,1fr)] md:gap-5';

/** The text lead's panel and headline when a picture lead follows it (`beforePictureLead`). */
const LEAD_BEFORE_PICTURE = {
  layout: 'lead-card-text-compact',
  headline: 'font-serif text-2xl leading-tight font-bold text-ink text-balance sm:text-3xl',
};

const LAYOUT: Record<CardVariant, { withPicture: string; without: string }> = {
  lead: { withPicture: 'grid gap-3', without: 'lead-card-text' },
  standard: {
    withPicture: 'grid grid-cols-[7rem_minmax(0,1fr)] items-start gap-3 md:grid-cols-1',
    without: 'md:h-full md:bg-surface md:p-4',
  },
  list: { withPicture: LIST_CARD_GRID, without: '' },
};

const HEADLINE: Record<CardVariant, { withPicture: string; without: string }> = {
  lead: {
    withPicture: 'font-serif text-3xl leading-tight font-bold text-ink text-balance sm:text-4xl',
    without: 'font-serif text-3xl leading-tight font-bold text-ink text-balance sm:text-5xl',
  },
  standard: { withPicture: 'card-headline-compact', without: 'card-headline' },
  list: { withPicture: 'card-headline', without: 'card-headline' },
};

/**
 * A story as a card: its picture cropped to the slot, section, headline (the link, covering the
 * card), dek and date; "Live" while its coverage goes on. A story without a picture (or whose
 * file is missing) gets a card designed for text: the lead a larger headline on a panel, a
 * standard card its dek and a panel in rows, a list card the text across.
 *
 * The picture keeps the story's alt text and stays outside the link: the link's accessible name
 * is the headline alone, and the picture is described as on the story page (it is part of the
 * news, not decoration). The link's ::after covers the picture, so it opens the story too.
 */
export async function StoryCard({
  story,
  section,
  variant = 'standard',
  headingLevel = 'h3',
  showTime = false,
  loading = 'lazy',
  beforePictureLead = false,
}: StoryCardProps) {
  const picture = await getPicture(story.image);
  const Heading = headingLevel;
  const has = picture ? 'withPicture' : 'without';
  const compact = beforePictureLead && variant === 'lead' && !picture;
  // A standard card without a picture shows its dek instead; the others always do.
  const showDek = variant !== 'standard' || !picture;
  return (
    <article
      className={`story-card ${compact ? LEAD_BEFORE_PICTURE.layout : LAYOUT[variant][has]}`}
      data-card={variant}
      data-has-picture={picture ? '' : undefined}
    >
      {picture ? (
        <div>
          <Picture picture={picture} slot={SLOT[variant]} loading={loading} className="block h-auto w-full" />
        </div>
      ) : null}
      <div className="flex min-w-0 flex-col gap-2">
        <p className="kicker">
          {story.live?.status === 'live' ? <LiveLabel status="live" /> : null}
          {section ? <span className="text-accent">{section.name}</span> : null}
          {story.sample ? <span className="text-muted">Sample story</span> : null}
        </p>
        <Heading className={compact ? LEAD_BEFORE_PICTURE.headline : HEADLINE[variant][has]}>
          <a href={paths.storyPage(story)} className="card-link">
            {story.title}
          </a>
        </Heading>
        {showDek ? (
          <p className={`font-serif text-muted ${variant === 'lead' && !compact ? 'text-lg' : 'text-base'}`}>{story.dek}</p>
        ) : null}
        <p className="card-date">
          <time dateTime={story.publishedAt}>{showTime ? formatDateAndTime(story.publishedAt) : formatDate(story.publishedAt)}</time>
        </p>
      </div>
    </article>
  );
}
