import type { Article, Section } from '@/lib/content/schema';
import { formatDate, formatDateAndTime } from '@/lib/format/display-dates';
import { paths } from '@/lib/urls';
import { ResponsiveImage } from './ResponsiveImage';

type StoryCardProps = {
  article: Article;
  section?: Section;
  /** Lead stories get the image and a larger headline; others stay compact. */
  variant?: 'lead' | 'standard' | 'compact';
  headingLevel?: 'h2' | 'h3';
  /** Show the time of day with the date (listings where order within a day matters). */
  showTime?: boolean;
};

/** A story in a list: section, headline (the link), dek and date. */
export function StoryCard({ article, section, variant = 'standard', headingLevel = 'h3', showTime = false }: StoryCardProps) {
  const Heading = headingLevel;
  const lead = variant === 'lead';
  return (
    <article className="story-card group">
      {lead && article.image ? (
        <ResponsiveImage
          src={article.image.src}
          alt={article.image.alt}
          width={article.image.width}
          height={article.image.height}
          priority
          sizes="(min-width: 1024px) 40rem, 100vw"
          className="mb-2 h-auto w-full bg-surface"
        />
      ) : null}
      <p className="kicker">
        {section ? <span className="text-accent">{section.name}</span> : null}
        {article.sample ? <span className="text-muted">Sample story</span> : null}
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
        <a href={paths.article(article.slug)} className="card-link">
          {article.title}
        </a>
      </Heading>
      {variant !== 'compact' ? <p className={`font-serif text-muted ${lead ? 'text-lg' : 'text-base'}`}>{article.dek}</p> : null}
      <p className="card-date">
        <time dateTime={article.publishedAt}>{showTime ? formatDateAndTime(article.publishedAt) : formatDate(article.publishedAt)}</time>
      </p>
    </article>
  );
}
