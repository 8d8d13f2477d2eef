import { paths } from '@/lib/urls';

/** Previous/next links between the pages of a front, with stable, crawlable addresses. */
export function Pagination({ basePath, page, totalPages }: { basePath: string; page: number; totalPages: number }) {
  if (totalPages <= 1) return null;
  const link = 'inline-flex min-h-11 items-center rounded-sm border border-rule px-4 font-semibold text-ink hover:border-ink';
  return (
    <nav aria-label="Pagination" className="mt-8 flex items-center justify-between gap-4 font-sans text-sm" data-print="hide">
      {page > 1 ? (
        <a href={paths.listingPage(basePath, page - 1)} rel="prev" className={link}>
          ← Newer stories
        </a>
      ) : (
        <span />
      )}
      <span className="text-muted">
        Page {page} of {totalPages}
      </span>
      {page < totalPages ? (
        <a href={paths.listingPage(basePath, page + 1)} rel="next" className={link}>
          Older stories →
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}
