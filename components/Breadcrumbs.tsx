export type Crumb = { name: string; href: string };

/** "Home › World": where this page sits in the site. The last crumb is the current level. */
export function Breadcrumbs({ crumbs }: { crumbs: readonly Crumb[] }) {
  return (
    <nav aria-label="Breadcrumb" className="font-sans text-sm" data-print="hide">
      <ol className="flex flex-wrap items-center gap-1 text-muted">
        {crumbs.map((crumb, i) => (
          <li key={crumb.href} className="flex items-center gap-1">
            {i > 0 ? <span aria-hidden="true">›</span> : null}
            <a
              href={crumb.href}
              className={i === crumbs.length - 1 ? 'font-semibold tracking-wide text-accent uppercase hover:underline' : 'hover:underline'}
            >
              {crumb.name}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
