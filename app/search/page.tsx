import type { Metadata } from 'next';
import { Pagination } from '@/components/Pagination';
import { SearchForm } from '@/components/SearchForm';
import { SearchNoResults } from '@/components/SearchNoResults';
import { SearchPageOutOfRange } from '@/components/SearchPageOutOfRange';
import { SearchResults } from '@/components/SearchResults';
import { SearchSectionFilter } from '@/components/SearchSectionFilter';
import { SearchSummary } from '@/components/SearchSummary';
import { getSections } from '@/lib/content/queries';
import { parseSearchParams, type RawSearchParams } from '@/lib/search/params';
import { RESULTS_PER_PAGE, searchSite } from '@/lib/search/search-site';
import { paths } from '@/lib/urls';

// Rendered per request (it reads the query), so a story is findable as soon as the content index has it.
type Props = { searchParams: Promise<RawSearchParams> };

async function read(searchParams: Props['searchParams']) {
  const sections = await getSections();
  return {
    sections,
    params: parseSearchParams(
      await searchParams,
      sections.map((s) => s.id),
    ),
  };
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const { params } = await read(searchParams);
  return {
    title: params.q ? `Search results for “${params.q}”` : 'Search',
    // Result pages are endless and thin: keep them out of search engines, but let crawlers follow links.
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const { sections, params } = await read(searchParams);
  const search = params.q ? await searchSite(params) : undefined;
  const section = sections.find((s) => s.id === params.section);

  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-4xl font-bold text-ink">Search</h1>
      <SearchForm id="search-page" query={params.q} sections={sections} section={params.section} />

      {!search ? (
        <p className="mt-6 font-sans text-muted">
          Search every story we have published by a word, a name or a place; or browse the{' '}
          <a href={paths.front()} className="text-link underline">
            latest stories
          </a>
          .
        </p>
      ) : search.total === 0 ? (
        <SearchNoResults query={params.q} section={section} totalAllSections={search.totalAllSections} sections={sections} />
      ) : (
        <section aria-labelledby="search-summary" className="mt-6">
          <SearchSummary
            query={params.q}
            total={search.total}
            section={section}
            matchedAll={search.matchedAll}
            approximate={search.approximate}
          />
          <SearchSectionFilter
            query={params.q}
            current={params.section}
            totalAllSections={search.totalAllSections}
            counts={search.sectionCounts}
          />
          {search.pageOutOfRange ? (
            <SearchPageOutOfRange query={params.q} section={params.section} page={params.page} pageCount={search.pageCount} />
          ) : (
            <>
              <SearchResults results={search.results} start={(search.page - 1) * RESULTS_PER_PAGE + 1} />
              <Pagination
                kind="results"
                page={search.page}
                totalPages={search.pageCount}
                hrefFor={(n) => paths.search({ q: params.q, section: params.section, page: n })}
              />
            </>
          )}
        </section>
      )}
    </div>
  );
}
