import type { LiveEntry } from '@/lib/content/live';
import type { Author } from '@/lib/content/schema';
import { formatUpdateTime } from '@/lib/format/display-dates';
import { paths } from '@/lib/urls';
import { CorrectionsBox } from './CorrectionsBox';
import { StoryBody } from './StoryBody';

type LiveUpdateEntryProps = {
  slug: string;
  entry: LiveEntry;
  /** Its byline: the update's own authors, or the story's. */
  authors: readonly Author[];
};

/**
 * One update of a live page: its time (the link to its permalink), title, body and byline. Its id
 * is its anchor; the permalink finds the page that holds it as pages shift.
 */
export function LiveUpdateEntry({ slug, entry: { update, code }, authors }: LiveUpdateEntryProps) {
  const titleId = `${update.id}-title`;
  return (
    <article id={update.id} aria-labelledby={titleId} className="live-update" data-pinned={update.pinned ? '' : undefined}>
      <p className="flex flex-wrap items-center gap-x-3 font-sans text-sm">
        {update.pinned ? <span className="font-bold tracking-wide text-accent uppercase">Pinned</span> : null}
        {update.key ? <span className="font-bold tracking-wide text-ink uppercase">Key event</span> : null}
        <a href={paths.liveUpdate(slug, update.id)} className="text-muted hover:underline">
          <time dateTime={update.time}>{formatUpdateTime(update.time)}</time>
        </a>
      </p>
      <h2 id={titleId} className="mt-1 font-serif text-2xl leading-snug font-bold text-ink text-balance">
        {update.title}
      </h2>
      <div className="mt-3">
        <StoryBody code={code} />
      </div>
      {authors.length ? (
        <p className="mt-3 font-sans text-sm text-muted">
          {authors.map((a, i) => (
            <span key={a.id}>
              {i > 0 ? (i === authors.length - 1 ? ' and ' : ', ') : null}
              <a href={paths.author(a.id)} className="font-semibold text-link hover:underline">
                {a.name}
              </a>
            </span>
          ))}
        </p>
      ) : null}
      <CorrectionsBox corrections={update.corrections ?? []} headingId={`${update.id}-corrections`} />
    </article>
  );
}
