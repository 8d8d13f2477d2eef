import type { Segment } from '@/lib/search/highlight';

/**
 * Text with the words a search matched marked. Every piece is rendered as text (React escapes it),
 * so a story or query containing "<script>" shows those characters and never runs them.
 */
export function Highlighted({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((segment, i) =>
        segment.match ? (
          <mark key={i} className="rounded-sm bg-[#fff0a3] text-[#121212] dark:bg-[#5a4700] dark:text-[#fff7d6]">
            {segment.text}
          </mark>
        ) : (
          segment.text
        ),
      )}
    </>
  );
}
