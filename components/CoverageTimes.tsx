import type { Live } from '@/lib/content/schema';
import { formatDateTime } from '@/lib/format/display-dates';

type CoverageTimesProps = { dateline?: string; live: Live; updates: number; newestTime?: string };

/** Under a live page's byline: where, when coverage started (and ended), and how many updates. */
export function CoverageTimes({ dateline, live, updates, newestTime }: CoverageTimesProps) {
  return (
    <div className="mt-1 flex flex-wrap gap-x-3 gap-y-1 font-sans text-sm text-muted">
      {dateline ? <span className="font-semibold uppercase">{dateline}</span> : null}
      <span>
        Coverage began <time dateTime={live.coverageStart}>{formatDateTime(live.coverageStart)}</time>
      </span>
      {live.coverageEnd ? (
        <span>
          Ended <time dateTime={live.coverageEnd}>{formatDateTime(live.coverageEnd)}</time>
        </span>
      ) : newestTime ? (
        <span>
          Latest <time dateTime={newestTime}>{formatDateTime(newestTime)}</time>
        </span>
      ) : null}
      <span>
        {updates} {updates === 1 ? 'update' : 'updates'}
      </span>
    </div>
  );
}
