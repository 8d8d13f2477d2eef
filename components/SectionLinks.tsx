import type { Section } from '@/lib/content/schema';
import { paths } from '@/lib/urls';

/** "Or browse a section": a way on from a page that has nothing to show (404, no search results). */
export function SectionLinks({ sections, label, className }: { sections: readonly Section[]; label: string; className: string }) {
  if (!sections.length) return null;
  return (
    <nav aria-label={label} className={className}>
      <p className="text-sm text-muted">Or browse a section:</p>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
        {sections.map((s) => (
          <li key={s.id}>
            <a href={paths.section(s.id)} className="text-link underline">
              {s.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
