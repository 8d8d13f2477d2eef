import type { Section } from '@/lib/content/schema';
import { site } from '@/lib/site';
import { paths } from '@/lib/urls';
import { SearchForm } from './SearchForm';
import { ThemeToggle } from './ThemeToggle';

/**
 * Masthead, site search (a plain GET form) and section navigation. On phones the sections sit in a <details> disclosure, which
 * opens and closes without JavaScript; from the md breakpoint they are a plain row.
 */
export function SiteHeader({ sections }: { sections: readonly Section[] }) {
  const links = sections.map((section) => (
    <li key={section.id}>
      <a href={paths.section(section.id)} className="section-link">
        {section.name}
      </a>
    </li>
  ));
  return (
    <header className="border-b border-rule bg-paper print:border-0">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 pt-4 pb-2 sm:px-6">
        <a href={paths.front()} className="font-serif text-[1.75rem] leading-tight font-bold tracking-tight text-ink sm:text-4xl">
          {site.name}
        </a>
        <div className="flex items-center gap-2 print:hidden">
          <ThemeToggle />
        </div>
      </div>
      <SearchForm id="site-search" />
      <nav aria-label="Sections" className="mx-auto max-w-6xl px-4 font-sans text-[0.95rem] font-semibold sm:px-6 print:hidden">
        <details className="group md:hidden">
          <summary className="menu-toggle">
            <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
              <path d="M4 6h16M4 12h16M4 18h16" />
            </svg>
            Sections
          </summary>
          <ul className="grid grid-cols-2 gap-x-2 border-t border-rule pb-2">{links}</ul>
        </details>
        <ul className="-mx-2 hidden flex-wrap md:flex">{links}</ul>
      </nav>
    </header>
  );
}
