import type { ReactNode } from 'react';

/** A pull quote in feed HTML: a plain blockquote with its speaker. */
export function FeedPullQuote({ children, cite }: { children?: ReactNode; cite?: string }) {
  return (
    <blockquote>
      {children}
      {cite ? <p>— {cite}</p> : null}
    </blockquote>
  );
}
