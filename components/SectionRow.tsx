import type { Story, Section } from '@/lib/content/schema';
import { paths } from '@/lib/urls';
import { StoryCard } from './StoryCard';

/** One row of the front page: a section's newest stories and a link to its front. Below the first screen, so its pictures load lazily. */
export function SectionRow({ section, stories }: { section: Section; stories: readonly Story[] }) {
  if (stories.length === 0) return null;
  const id = `row-${section.id}`;
  return (
    <section aria-labelledby={id} className="border-t-2 border-ink pt-3">
      <div className="flex items-baseline justify-between gap-4">
        <h2 id={id} className="font-sans text-xl font-bold text-ink">
          <a href={paths.section(section.id)} className="hover:underline">
            {section.name}
          </a>
        </h2>
        <a href={paths.section(section.id)} className="font-sans text-sm font-semibold text-link hover:underline">
          More {section.name}
          <span className="sr-only"> stories</span> →
        </a>
      </div>
      <ul className="card-grid mt-4">
        {stories.map((story) => (
          <li key={story.slug}>
            <StoryCard story={story} variant="standard" />
          </li>
        ))}
      </ul>
    </section>
  );
}
