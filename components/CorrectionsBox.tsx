import type { Correction } from '@/lib/content/schema';
import { formatDateTime } from '@/lib/format/display-dates';

/** The dated corrections at the end of a story, oldest first, so readers see what changed and when. */
export function CorrectionsBox({
  corrections,
  headingId = 'corrections-heading',
}: {
  corrections: readonly Correction[];
  /** Unique on the page: a live page has a box per corrected update. */
  headingId?: string;
}) {
  if (corrections.length === 0) return null;
  const ordered = [...corrections].sort((a, b) => Date.parse(a.date) - Date.parse(b.date));
  return (
    <section aria-labelledby={headingId} className="mt-10 rounded-md border-l-4 border-accent bg-surface px-5 py-4 font-sans">
      <h2 id={headingId} className="text-base font-bold text-ink">
        {ordered.length === 1 ? 'Correction' : 'Corrections'}
      </h2>
      <ol className="mt-3 space-y-3">
        {ordered.map((correction) => (
          <li key={`${correction.date}-${correction.text}`}>
            <p className="text-sm text-muted">
              <time dateTime={correction.date}>{formatDateTime(correction.date)}</time>
            </p>
            <p className="mt-0.5 text-[0.95rem] leading-relaxed text-ink">{correction.text}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
