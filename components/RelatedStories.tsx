import type { RelatedScore } from '@/lib/content/related-ranking';
import type { Story, Section } from '@/lib/content/schema';
import { StoryCard } from './StoryCard';

/** "Related stories" at the end of a story, most related first (scores in lib/content/related-ranking.ts): a row of cards across the page, below the first screen. */
export function RelatedStories({
  related,
  sections,
}: {
  related: readonly { story: Story; why: RelatedScore }[];
  sections: readonly Section[];
}) {
  if (related.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" data-print="hide">
      <h2 id="related-heading" className="font-sans text-lg font-bold text-ink">
        Related stories
      </h2>
      <ul className="card-grid mt-4">
        {related.map(({ story, why }) => (
          <li key={story.slug} data-related-score={why.score}>
            <StoryCard story={story} section={sections.find((s) => s.id === story.section)} variant="standard" />
          </li>
        ))}
      </ul>
    </section>
  );
}
