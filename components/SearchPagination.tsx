import { paths } from '@/lib/urls';

type SearchPaginationProps = { query: string; section?: string; page: number; pageCount: number };

/** Previous and next links between result pages; each page has its own stable address. */
export function SearchPagination({ query, section, page, pageCount }: SearchPaginationProps) {
  if (pageCount <= 1) return null;
  const link = 'inline-flex min-h-11 items-center rounded-sm border border-rule px-4 font-semibold text-link hover:border-ink hover:underline';
  return (
    <nav aria-label="Result pages" className="mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-rule pt-4 font-sans text-sm">
      {page > 1 ? (
        <a href={paths.search({ q: query, section, page: page - 1 })} rel="prev" className={link}>
          <span aria-hidden="true">←&nbsp;</span>Previous<span className="sr-only"> page</span>
        </a>
      ) : (
        <span />
      )}
      <p className="text-muted">
        Page {page} of {pageCount}
      </p>
      {page < pageCount ? (
        <a href={paths.search({ q: query, section, page: page + 1 })} rel="next" className={link}>
          Next<span className="sr-only"> page</span>
          <span aria-hidden="true">&nbsp;→</span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
