import type { KeyEvent } from '@/lib/content/live';
import { formatUpdateTime } from '@/lib/format/display-dates';
import { paths } from '@/lib/urls';

type KeyEventsProps = { slug: string; events: readonly KeyEvent[]; page: number };

/** The summary of key events at the top of a live page, newest first, each a link to its update. */
export function KeyEvents({ slug, events, page }: KeyEventsProps) {
  if (events.length === 0) return null;
  return (
    <nav aria-labelledby="key-events-heading" className="mt-8 border-l-4 border-accent bg-surface px-5 py-4 font-sans">
      <h2 id="key-events-heading" className="text-base font-bold text-ink">
        Key events
      </h2>
      <ol className="mt-3 space-y-2">
        {events.map((event) => (
          <li key={event.id}>
            {/* On this page, the anchor alone; on another, that page at the anchor. */}
            <a
              href={event.page === page ? `#${event.id}` : `${paths.livePage(slug, event.page)}#${event.id}`}
              className="group inline-flex min-h-6 flex-col text-ink sm:flex-row sm:gap-3"
            >
              <time dateTime={event.time} className="shrink-0 text-sm text-muted">
                {formatUpdateTime(event.time)}
              </time>
              <span className="font-semibold group-hover:underline">{event.title}</span>
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
