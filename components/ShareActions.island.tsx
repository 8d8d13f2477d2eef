'use client';

import { useEffect, useState } from 'react';

/**
 * Copy link, and the system share sheet where the browser has one (Web Share API). No third-party
 * scripts or trackers. Hidden without JavaScript (data-requires-js), since neither can work then.
 */
export function ShareActions({ url, title }: { url: string; title: string }) {
  const [canShare, setCanShare] = useState(false);
  const [status, setStatus] = useState('');
  const copyLink = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setStatus('Link copied');
    } catch {
      setStatus('Could not copy: select the address bar to copy the link');
    }
  };
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a browser-only fact, read after hydration so the first client render matches the server's
  useEffect(() => setCanShare(typeof navigator.share === 'function'), []);

  const button =
    'inline-flex min-h-11 items-center gap-2 rounded-sm border border-rule px-3 font-sans text-sm font-semibold text-ink hover:border-ink';
  return (
    <div data-requires-js data-print="hide" className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        className={button}
        onClick={() => {
          void copyLink();
        }}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M10 14a5 5 0 0 0 7 0l3-3a5 5 0 0 0-7-7l-1 1M14 10a5 5 0 0 0-7 0l-3 3a5 5 0 0 0 7 7l1-1" />
        </svg>
        Copy link
      </button>
      {canShare ? (
        <button
          type="button"
          className={button}
          onClick={() => {
            navigator.share({ url, title }).catch(() => undefined);
          }}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M12 3v13M7 8l5-5 5 5M5 14v5h14v-5" />
          </svg>
          Share
        </button>
      ) : null}
      <span role="status" aria-live="polite" className="font-sans text-sm text-muted">
        {status}
      </span>
    </div>
  );
}
