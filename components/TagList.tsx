import { paths } from '@/lib/urls';

/** The story's topics, each linking to its tag page. */
export function TagList({ tags }: { tags: readonly string[] }) {
  if (tags.length === 0) return null;
  return (
    <nav aria-label="Topics" className="mt-8 font-sans text-sm" data-print="hide">
      <h2 className="sr-only">Topics</h2>
      <ul className="flex flex-wrap gap-2">
        {tags.map((tag) => (
          <li key={tag}>
            <a href={paths.tag(tag)} className="topic-pill">
              {tag}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
