import type { Metadata } from 'next';
import Link from 'next/link';
import { SearchForm } from '@/components/SearchForm';
import { SearchNoResults } from '@/components/SearchNoResults';
import { SearchPagination } from '@/components/SearchPagination';
import { SearchResults } from '@/components/SearchResults';
import { SearchSectionFilter } from '@/components/SearchSectionFilter';
import { getSections } from '@/lib/content/queries';
import { parseSearchParams, searchPath, type RawSearchParams } from '@/lib/search/params';
import { RESULTS_PER_PAGE, searchSite } from '@/lib/search/search-site';
import { paths } from '@/lib/urls';

// Rendered per request (it reads the query), so a story is findable as soon as the content index has it.
type Props = { searchParams: Promise<RawSearchParams> };

async function read(searchParams: Props['searchParams']) {
  const sections = await getSections();
  return { sections, params: parseSearchParams(await searchParams, sections.map((s) => s.id)) };
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
          <Link href={paths.front()} className="text-link underline">
            latest stories
          </Link>
          .
        </p>
      ) : search.total === 0 ? (
        <SearchNoResults query={params.q} section={section} totalAllSections={search.totalAllSections} sections={sections} />
      ) : (
        <section aria-labelledby="search-summary" className="mt-6">
          <h2 id="search-summary" className="font-sans text-lg font-bold break-words text-ink">
            {search.total} {search.total === 1 ? 'story' : 'stories'} {section ? `in ${section.name} ` : ''}
            {search.total === 1 ? 'matches' : 'match'} {search.matchedAll ? '' : 'some of '}“{params.q}”
          </h2>
          {!search.matchedAll ? (
            <p className="mt-1 font-sans text-sm text-muted">No story has all of your words, so these have some of them.</p>
          ) : null}
          <SearchSectionFilter query={params.q} current={params.section} totalAllSections={search.totalAllSections} counts={search.sectionCounts} />
          {search.pageOutOfRange ? (
            <div className="mt-6 rounded-sm border border-rule bg-surface p-5 font-sans text-ink">
              <p>
                There is no page {params.page} of these results: they fill {search.pageCount} {search.pageCount === 1 ? 'page' : 'pages'}.
              </p>
              <p className="mt-2">
                <Link href={searchPath({ q: params.q, section: params.section })} className="font-semibold text-link underline">
                  Go to the first page
                </Link>
              </p>
            </div>
          ) : (
            <>
              <SearchResults results={search.results} start={(search.page - 1) * RESULTS_PER_PAGE + 1} />
              <SearchPagination query={params.q} section={params.section} page={search.page} pageCount={search.pageCount} />
            </>
          )}
        </section>
      )}
    </div>
  );
}
