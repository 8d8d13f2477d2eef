import type { Story } from '@/lib/content/schema';
import { formatDate, formatTime } from '@/lib/format/display-dates';
import { paths } from '@/lib/urls';
import { LiveLabel } from './LiveLabel';

/** The front page's running list: newest stories with their time. */
export function LatestList({ stories }: { stories: readonly Story[] }) {
  return (
    <section aria-labelledby="latest-heading">
      <h2 id="latest-heading" className="border-b-2 border-ink pb-2 font-sans text-lg font-bold text-ink">
        Latest
      </h2>
      <ol className="divide-y divide-rule">
        {stories.map((story) => (
          <li key={story.slug} className="flex gap-3 py-3 min-[72rem]:h-[5.75rem]">
            <time dateTime={story.publishedAt} className="w-20 shrink-0 pt-0.5 font-sans text-xs leading-5 text-muted">
              {formatTime(story.publishedAt)}
              <br />
              {formatDate(story.publishedAt)}
            </time>
            {/* Beside the lead (from 72rem) every entry has one height, so the front's first row is
                known before the list has arrived (app/page.tsx); the padding keeps the focus ring inside the clamp. */}
            <p className="min-[72rem]:-m-1 min-[72rem]:line-clamp-3 min-[72rem]:p-1">
              {story.live?.status === 'live' ? (
                <span className="mr-2 align-middle">
                  <LiveLabel status="live" />
                </span>
              ) : null}
              <a href={paths.storyPage(story)} className="font-serif text-base leading-snug font-semibold text-ink hover:underline">
                {story.title}
              </a>
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
