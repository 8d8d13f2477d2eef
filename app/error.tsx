'use client';

/**
 * Shown when a page fails to render at request time. It sits inside the root layout, so the
 * masthead, navigation and footer stay. (During background regeneration a failed render never
 * reaches readers: Next keeps serving the last good page.)
 */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-2xl py-10">
      <p className="font-sans text-sm font-semibold tracking-wide text-accent uppercase">Something went wrong</p>
      <h1 className="mt-2 font-serif text-4xl font-bold text-ink">This page could not be shown</h1>
      <p className="mt-4 font-serif text-lg text-muted">
        The problem is ours, not yours. Try again in a moment, or carry on reading from the front page.
      </p>
      <div className="mt-6 flex flex-wrap gap-4 font-sans">
        <button type="button" onClick={reset} className="inline-flex min-h-11 items-center rounded-sm bg-ink px-4 font-semibold text-paper">
          Try again
        </button>
        {/* paths.front(), written out: importing lib/urls.ts here would ship it in every page's JavaScript. */}
        <a href="/" className="inline-flex min-h-11 items-center font-semibold text-link underline">
          Go to the front page
        </a>
      </div>
    </div>
  );
}
