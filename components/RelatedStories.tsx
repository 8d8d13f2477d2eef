import type { RelatedScore } from '@/lib/content/related';
import type { Article, Section } from '@/lib/content/schema';
import { StoryCard } from './StoryCard';

/** "Related stories" at the end of an article, most related first (scores in lib/content/related.ts). */
export function RelatedStories({
  related,
  sections,
}: {
  related: readonly { article: Article; why: RelatedScore }[];
  sections: readonly Section[];
}) {
  if (related.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" data-print="hide">
      <h2 id="related-heading" className="font-sans text-lg font-bold text-ink">
        Related stories
      </h2>
      <ul className="mt-4 grid gap-6 sm:grid-cols-2">
        {related.map(({ article, why }) => (
          <li key={article.slug} data-related-score={why.score}>
            <StoryCard article={article} section={sections.find((s) => s.id === article.section)} variant="compact" />
          </li>
        ))}
      </ul>
    </section>
  );
}
