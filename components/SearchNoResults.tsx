import type { Section } from '@/lib/content/schema';
import { paths } from '@/lib/urls';
import { SectionLinks } from './SectionLinks';

type SearchNoResultsProps = {
  query: string;
  /** The section the search was limited to, if any. */
  section?: Section;
  /** Matches in all sections: when the section filter hid them, say so and link to them. */
  totalAllSections: number;
  sections: readonly Section[];
};

/** What to do when nothing matched: widen the search, check the words, or browse instead. */
export function SearchNoResults({ query, section, totalAllSections, sections }: SearchNoResultsProps) {
  return (
    <div className="mt-6 rounded-sm border border-rule bg-surface p-5 font-sans">
      <h2 className="text-lg font-bold break-words text-ink">
        No stories {section ? `in ${section.name} ` : ''}match “{query}”
      </h2>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-ink">
        {section && totalAllSections > 0 ? (
          <li>
            <a href={paths.search({ q: query })} className="font-semibold text-link underline">
              See {totalAllSections} {totalAllSections === 1 ? 'story' : 'stories'} in all sections
            </a>
          </li>
        ) : null}
        <li>Check the spelling, or try another spelling of a name.</li>
        <li>Use fewer words, or more general ones.</li>
        <li>Search for a person, a place or a topic.</li>
      </ul>
      <SectionLinks sections={sections} label="Browse sections instead" className="mt-4" />
    </div>
  );
}
