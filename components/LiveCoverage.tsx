import type { LivePage } from '@/lib/content/live';
import type { Author, Section } from '@/lib/content/schema';
import { absoluteUrl } from '@/lib/site';
import { paths } from '@/lib/urls';
import { CoverageTimes } from './CoverageTimes';
import { KeyEvents } from './KeyEvents';
import { LiveLabel } from './LiveLabel';
import { LiveUpdateEntry } from './LiveUpdateEntry';
import { NewUpdatesPrompt } from './NewUpdatesPrompt';
import { Pagination } from './Pagination';
import { StoryBody } from './StoryBody';
import { StoryFooter } from './StoryFooter';
import { StoryHeader } from './StoryHeader';
import type { Picture } from '@/lib/content/pictures';

type LiveCoverageProps = {
  live: LivePage;
  /** Every author the page names (the story's and its updates'), by id. */
  authors: ReadonlyMap<string, Author>;
  section?: Section;
  /** The story's lead picture, as the index made it. */
  picture?: Picture;
};

/**
 * A live page (ADR 0011): the story's header with its Live or Ended label, its summary (the
 * story's own body) and key events on the first page, then its updates, pinned first, newest
 * first, a page at a time. Server-rendered throughout.
 */
export function LiveCoverage({ live, authors, section, picture }: LiveCoverageProps) {
  const { story, page } = live;
  const byIds = (ids: readonly string[]) => ids.flatMap((id) => authors.get(id) ?? []);
  const storyAuthors = byIds(story.authors);
  return (
    <div className="mx-auto max-w-5xl">
      <article className="mx-auto max-w-3xl">
        <StoryHeader
          story={story}
          section={section}
          authors={storyAuthors}
          label={<LiveLabel status={story.live.status} />}
          meta={<CoverageTimes dateline={story.dateline} live={story.live} updates={live.totalUpdates} newestTime={live.newestTime} />}
          shareUrl={absoluteUrl(paths.live(story.slug))}
          picture={page === 1 ? picture : undefined}
        />
        {page === 1 ? (
          <div className="mt-8">
            <StoryBody code={live.code} />
          </div>
        ) : null}
        <KeyEvents slug={story.slug} events={live.keyEvents} page={page} />
        <section aria-labelledby="updates-heading" className="mt-10">
          <h2 id="updates-heading" className="mb-4 font-sans text-sm font-bold tracking-wide text-muted uppercase">
            {page === 1 ? 'Updates' : `Updates, page ${page} of ${live.totalPages}`}
          </h2>
          {page === 1 && story.live.status === 'live' ? <NewUpdatesPrompt slug={story.slug} /> : null}
          <div id="updates-list">
            {live.updates.map((entry) => (
              <LiveUpdateEntry
                key={entry.update.id}
                slug={story.slug}
                entry={entry}
                authors={byIds(entry.update.authors ?? story.authors)}
              />
            ))}
          </div>
          {live.updates.length === 0 ? <p className="font-sans text-muted">No updates yet.</p> : null}
        </section>
        <Pagination kind="updates" page={page} totalPages={live.totalPages} hrefFor={(n) => paths.livePage(story.slug, n)} />
        <StoryFooter story={story} authors={storyAuthors} />
      </article>
    </div>
  );
}
