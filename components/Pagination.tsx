import type { ReactNode } from 'react';

type Kind = {
  /** The navigation's accessible name, which the end-to-end tests find it by. */
  label: string;
  nav: string;
  link: string;
  /** A printed front is one page of stories; its links lead nowhere on paper. */
  hideInPrint: boolean;
  previous: ReactNode;
  next: ReactNode;
};

const KINDS = {
  /** A section, tag or author front, newest first: back is newer. */
  stories: {
    label: 'Pagination',
    nav: 'mt-8 flex items-center justify-between gap-4 font-sans text-sm',
    link: 'inline-flex min-h-11 items-center rounded-sm border border-rule px-4 font-semibold text-ink hover:border-ink',
    hideInPrint: true,
    previous: '← Newer stories',
    next: 'Older stories →',
  },
  /** A live story's updates, newest first: back is newer. */
  updates: {
    label: 'Pages of updates',
    nav: 'mt-8 flex items-center justify-between gap-4 font-sans text-sm',
    link: 'inline-flex min-h-11 items-center rounded-sm border border-rule px-4 font-semibold text-ink hover:border-ink',
    hideInPrint: true,
    previous: '← Newer updates',
    next: 'Older updates →',
  },
  /** Search results, under a rule; the arrows are left out of the links' names. */
  results: {
    label: 'Result pages',
    nav: 'mt-6 flex flex-wrap items-center justify-between gap-3 border-t border-rule pt-4 font-sans text-sm',
    link: 'inline-flex min-h-11 items-center rounded-sm border border-rule px-4 font-semibold text-link hover:border-ink hover:underline',
    hideInPrint: false,
    previous: (
      <>
        <span aria-hidden="true">←&nbsp;</span>Previous<span className="sr-only"> page</span>
      </>
    ),
    next: (
      <>
        Next<span className="sr-only"> page</span>
        <span aria-hidden="true">&nbsp;→</span>
      </>
    ),
  },
} satisfies Record<string, Kind>;

type PaginationProps = {
  kind: keyof typeof KINDS;
  page: number;
  totalPages: number;
  /** The address of page N: each page has one stable, crawlable address. */
  hrefFor: (page: number) => string;
};

/** Previous and next links between the pages of a front or of search results, and where the reader is. */
export function Pagination({ kind, page, totalPages, hrefFor }: PaginationProps) {
  if (totalPages <= 1) return null;
  const { label, nav, link, hideInPrint, previous, next } = KINDS[kind];
  return (
    <nav aria-label={label} className={nav} data-print={hideInPrint ? 'hide' : undefined}>
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev" className={link}>
          {previous}
        </a>
      ) : (
        <span />
      )}
      <p className="text-muted">
        Page {page} of {totalPages}
      </p>
      {page < totalPages ? (
        <a href={hrefFor(page + 1)} rel="next" className={link}>
          {next}
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
