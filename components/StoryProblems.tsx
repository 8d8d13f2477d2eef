import type { ContentProblem } from '@/lib/content/problems';
import { formatProblem } from '@/lib/content/problems';

/** In preview only: why a story file cannot be shown, one line per problem, as the content check prints them. */
export function StoryProblems({ slug, problems }: { slug: string; problems: readonly ContentProblem[] }) {
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="font-serif text-3xl font-bold text-ink">This story cannot be shown</h1>
      <p className="mt-3 font-sans text-muted">
        The file for <code>{slug}</code> has {problems.length === 1 ? 'a problem' : `${problems.length} problems`}. Readers keep seeing the
        last good version, if there was one, until it is fixed.
      </p>
      <ul className="mt-6 space-y-2 font-mono text-sm text-ink">
        {problems.map((problem) => (
          <li key={formatProblem(problem)} className="rounded-sm bg-surface px-3 py-2 break-words">
            {formatProblem(problem)}
          </li>
        ))}
      </ul>
    </div>
  );
}
