import { paths } from '@/lib/urls';

type SearchPageOutOfRangeProps = { query: string; section?: string; page: number; pageCount: number };

/** An address for a result page that does not exist (edited by hand, or results shrank): say so, link back. */
export function SearchPageOutOfRange({ query, section, page, pageCount }: SearchPageOutOfRangeProps) {
  return (
    <div className="mt-6 rounded-sm border border-rule bg-surface p-5 font-sans text-ink">
      <p>
        There is no page {page} of these results: they fill {pageCount} {pageCount === 1 ? 'page' : 'pages'}.
      </p>
      <p className="mt-2">
        <a href={paths.search({ q: query, section })} className="font-semibold text-link underline">
          Go to the first page
        </a>
      </p>
    </div>
  );
}
