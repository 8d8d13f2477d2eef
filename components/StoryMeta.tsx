import { formatDateTime } from '@/lib/format/display-dates';
import { readingMinutes } from '@/lib/format/reading-time';

type StoryMetaProps = {
  dateline?: string;
  publishedAt: string;
  updatedAt?: string;
  wordCount: number;
};

/** Dateline, published and updated times, and reading time, under the byline. */
export function StoryMeta({ dateline, publishedAt, updatedAt, wordCount }: StoryMetaProps) {
  return (
    <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 font-sans text-sm text-muted">
      {dateline ? <span className="font-semibold uppercase">{dateline}</span> : null}
      <span>
        Published <time dateTime={publishedAt}>{formatDateTime(publishedAt)}</time>
      </span>
      {updatedAt ? (
        <span>
          Updated <time dateTime={updatedAt}>{formatDateTime(updatedAt)}</time>
        </span>
      ) : null}
      <span>{readingMinutes(wordCount)} min read</span>
    </div>
  );
}
