/**
 * Copy link, and the system share sheet where the browser has one (Web Share API). No third-party
 * scripts or trackers. A server component: the page's inline script (ThemeScript) answers the
 * taps. Hidden without JavaScript (data-requires-js), and Share where the browser cannot share
 * (data-requires-share), since neither can work then.
 */
export function ShareActions({ url, title }: { url: string; title: string }) {
  return (
    <div data-requires-js data-print="hide" className="flex flex-wrap items-center gap-2">
      <button type="button" data-action="copy-link" data-url={url} className="share-button">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1" />
        </svg>
        Copy link
      </button>
      <button type="button" data-action="share" data-url={url} data-title={title} data-requires-share className="share-button">
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M12 3v13M7 8l5-5 5 5M5 14v5h14v-5" />
        </svg>
        Share
      </button>
      <span role="status" aria-live="polite" data-share-status suppressHydrationWarning className="font-sans text-sm text-muted" />
    </div>
  );
}
