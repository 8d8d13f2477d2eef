import type { Article, Section } from '@/lib/content/schema';
import { StoryCard } from './StoryCard';

/** "Related stories" at the end of an article: other stories on the same subject. */
export function RelatedStories({
  articles,
  sections,
}: {
  articles: readonly Article[];
  sections: readonly Section[];
}) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby="related-heading" className="mt-12 border-t-2 border-ink pt-4">
      <h2 id="related-heading" className="font-sans text-lg font-bold text-ink">
        Related stories
      </h2>
      <ul className="mt-4 grid gap-6 sm:grid-cols-2">
        {articles.map((article) => (
          <li key={article.slug}>
            <StoryCard
              article={article}
              section={sections.find((s) => s.id === article.section)}
              variant="compact"
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
