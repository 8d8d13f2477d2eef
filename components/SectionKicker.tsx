import type { Section } from '@/lib/content/schema';
import { paths } from '@/lib/urls';

/** The section label above a headline, linking to the section front. */
export function SectionKicker({ section }: { section: Section }) {
  return (
    <a
      href={paths.section(section.id)}
      className="font-sans text-sm font-semibold tracking-wide text-accent uppercase hover:underline"
    >
      {section.name}
    </a>
  );
}
