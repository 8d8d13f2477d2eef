import type { ReactNode } from 'react';

/** A short quotation pulled out in large type: `<PullQuote cite="Name">words</PullQuote>`. */
export function PullQuote({ children, cite }: { children?: ReactNode; cite?: string }) {
  return (
    <figure className="my-8 border-y-2 border-accent py-5">
      <blockquote className="font-serif text-2xl leading-snug font-semibold text-ink sm:text-[1.7rem]">{children}</blockquote>
      {cite ? <figcaption className="mt-3 font-sans text-sm text-muted">{cite}</figcaption> : null}
    </figure>
  );
}
