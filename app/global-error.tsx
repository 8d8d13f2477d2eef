'use client';

/**
 * Last resort when the root layout itself fails: a plain page with a way back, no site chrome.
 * Its link home is paths.front() written out, so this client file ships no site code.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'Georgia, serif', maxWidth: '40rem', margin: '4rem auto', padding: '0 1rem' }}>
        <h1>News Rebeat is having trouble</h1>
        <p>This page could not be shown. Please try again in a moment.</p>
        <p>
          <button type="button" onClick={reset}>
            Try again
          </button>{' '}
          or <a href="/">go to the front page</a>.
        </p>
      </body>
    </html>
  );
}
