import type { ComponentPropsWithoutRef } from 'react';

/** A quoted passage in the body (Markdown `>`). */
export function Blockquote(props: ComponentPropsWithoutRef<'blockquote'>) {
  return <blockquote className="border-l-4 border-accent pl-4 not-italic" {...props} />;
}
