import type { StoryFrontMatter } from '@/lib/content/schema';

type Source = NonNullable<StoryFrontMatter['source']>;

/** Credits the agency or publication the story is based on ("Source: Donga"). */
export function SourceAttribution({ source }: { source: Source }) {
  return (
    <p className="mt-8 border-t border-rule pt-4 font-sans text-sm text-muted">
      Source:{' '}
      {source.url ? (
        <a href={source.url} rel="noopener noreferrer" className="font-semibold text-link underline">
          {source.name}
        </a>
      ) : (
        <span className="font-semibold text-ink">{source.name}</span>
      )}
    </p>
  );
}
