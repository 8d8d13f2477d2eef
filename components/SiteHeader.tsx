import Link from 'next/link';
import type { Section } from '@/lib/content/schema';
import { site } from '@/lib/site';
import { paths } from '@/lib/urls';
import { SearchForm } from './SearchForm';

/** Masthead and section navigation. */
export function SiteHeader({ sections }: { sections: readonly Section[] }) {
  return (
    <header className="border-b border-rule bg-paper">
      <div className="mx-auto max-w-6xl px-4 pt-5 pb-3 sm:px-6">
        <Link href="/" className="font-serif text-3xl font-bold tracking-tight text-ink sm:text-4xl">
          {site.name}
        </Link>
      </div>
      <SearchForm id="site-search" />
      <nav aria-label="Sections" className="mx-auto max-w-6xl px-4 sm:px-6">
        <ul className="-mx-2 flex flex-wrap font-sans text-sm font-semibold">
          {sections.map((section) => (
            <li key={section.id}>
              <Link href={paths.section(section.id)} className="inline-block px-2 py-2.5 text-ink hover:text-accent hover:underline">
                {section.name}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  );
}
