import type { Section } from '@/lib/content/schema';
import { site } from '@/lib/site';
import { paths } from '@/lib/urls';

export function SiteFooter({ sections, showSampleNote }: { sections: readonly Section[]; showSampleNote: boolean }) {
  return (
    <footer className="mt-16 border-t border-rule bg-surface">
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-10 font-sans text-sm sm:px-6 md:grid-cols-3">
        <div>
          <p className="font-serif text-xl font-bold text-ink">{site.name}</p>
          <p className="mt-2 text-muted">{site.description}</p>
        </div>
        <nav aria-label="Footer">
          <ul className="grid grid-cols-2 gap-2">
            <li>
              <a href={paths.front()} className="text-ink hover:underline">
                Front page
              </a>
            </li>
            {sections.map((section) => (
              <li key={section.id}>
                <a href={paths.section(section.id)} className="text-ink hover:underline">
                  {section.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <p className="text-muted md:text-right">
          © {site.name}.{showSampleNote ? ' Stories marked “Sample story” are invented for demonstration.' : null}
        </p>
      </div>
    </footer>
  );
}
