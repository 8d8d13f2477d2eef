import type { Section } from '@/lib/content/schema';
import { paths } from '@/lib/urls';

type SearchSectionFilterProps = {
  query: string;
  current?: string;
  totalAllSections: number;
  counts: readonly { section: Section; count: number }[];
};

/** Links that narrow the results to one section (or widen them to all), each with its count. */
export function SearchSectionFilter({ query, current, totalAllSections, counts }: SearchSectionFilterProps) {
  const items = [
    { id: undefined, name: 'All sections', count: totalAllSections },
    ...counts.map((c) => ({ id: c.section.id, name: c.section.name, count: c.count })),
  ];
  return (
    <nav aria-label="Filter results by section" className="mt-4 font-sans text-sm">
      <ul className="flex flex-wrap gap-2">
        {items.map((item) => {
          const active = item.id === current;
          return (
            <li key={item.id ?? 'all'}>
              <a
                href={paths.search({ q: query, section: item.id })}
                aria-current={active ? 'page' : undefined}
                className={`inline-flex min-h-9 items-center gap-1.5 rounded-full border px-3 ${
                  active ? 'border-ink bg-ink text-paper' : 'border-rule text-ink hover:border-ink hover:underline'
                }`}
              >
                {item.name}
                <span className={active ? 'text-paper' : 'text-muted'}>
                  <span className="sr-only">: </span>
                  {item.count}
                  <span className="sr-only"> {item.count === 1 ? 'story' : 'stories'}</span>
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
