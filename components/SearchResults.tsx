import { getPicture } from '@/lib/content/pictures';
import { formatDate } from '@/lib/format/display-dates';
import type { SearchResultView } from '@/lib/search/search-site';
import { paths } from '@/lib/urls';
import { LiveLabel } from './LiveLabel';
import { Highlighted } from './Highlighted';
import { Picture } from './Picture';
import { LIST_CARD_GRID } from './StoryCard';

/** Results whose thumbnails are on the first screen, under the search form and summary. */
const EAGER_RESULTS = 2;

/**
 * One page of search results: the story's thumbnail (the card-list slot, as on listing fronts),
 * section, date and byline, then headline, dek and a passage, matches marked. The thumbnail keeps
 * the story's alt text and stays outside the headline link, whose name is the headline alone.
 */
export async function SearchResults({ results, start }: { results: readonly SearchResultView[]; start: number }) {
  const pictures = await Promise.all(results.map((r) => getPicture(r.story.image)));
  return (
    <ol start={start} className="mt-2 divide-y divide-rule">
      {results.map(({ story, section, title, dek, authors, passage }, i) => (
        <li key={story.slug} className="py-5">
          <article className={`relative ${pictures[i] ? LIST_CARD_GRID : ''}`}>
            {pictures[i] ? (
              <div>
                <Picture
                  picture={pictures[i]}
                  slot="card-list"
                  loading={i < EAGER_RESULTS ? 'eager' : 'lazy'}
                  className="block h-auto w-full"
                />
              </div>
            ) : null}
            <div className="flex min-w-0 flex-col gap-2">
              <p className="flex flex-wrap items-center gap-x-2 font-sans text-xs text-muted">
                {section ? <span className="font-semibold tracking-wide text-accent uppercase">{section.name}</span> : null}
                <time dateTime={story.publishedAt}>{formatDate(story.publishedAt)}</time>
                {authors.length ? (
                  <span>
                    By{' '}
                    {authors.map((name, i) => (
                      <span key={i}>
                        {i > 0 ? (i === authors.length - 1 ? ' and ' : ', ') : null}
                        <Highlighted segments={name} />
                      </span>
                    ))}
                  </span>
                ) : null}
                {story.sample ? <span className="font-semibold tracking-wide uppercase">Sample story</span> : null}
                {story.live?.status === 'live' ? <LiveLabel status="live" /> : null}
              </p>
              <h3 className="font-serif text-xl leading-snug font-bold text-ink">
                <a href={paths.storyPage(story)} className="card-link">
                  <Highlighted segments={title} />
                </a>
              </h3>
              <p className="font-serif text-base text-muted">
                <Highlighted segments={dek} />
              </p>
              {passage ? (
                <p className="font-sans text-sm text-muted">
                  <Highlighted segments={passage} />
                </p>
              ) : null}
            </div>
          </article>
        </li>
      ))}
    </ol>
  );
}
