import type { Section } from '@/lib/content/schema';

type SearchSummaryProps = {
  query: string;
  total: number;
  section?: Section;
  matchedAll: boolean;
  /** The count is estimated (a word in thousands of stories, lib/search/engine.ts): say "About". */
  approximate?: boolean;
};

/** "3 stories in World match “Lukash”", and a note when the results have only some of the words. */
export function SearchSummary({ query, total, section, matchedAll, approximate = false }: SearchSummaryProps) {
  const one = total === 1;
  return (
    <>
      {/* break-words: a long unbroken query must not widen the page on a phone. */}
      <h2 id="search-summary" className="font-sans text-lg font-bold break-words text-ink">
        {approximate ? 'About ' : ''}
        {total.toLocaleString('en-GB')} {one ? 'story' : 'stories'} {section ? `in ${section.name} ` : ''}
        {one ? 'matches' : 'match'} {matchedAll ? '' : 'some of '}“{query}”
      </h2>
      {!matchedAll ? (
        <p className="mt-1 font-sans text-sm text-muted">No story has all of your words, so these have some of them.</p>
      ) : null}
    </>
  );
}
