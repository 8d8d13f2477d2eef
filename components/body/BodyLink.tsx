import type { ComponentPropsWithoutRef } from 'react';

/** A link inside a story. External links open in place but say where they go; no client JS. */
export function BodyLink({ href = '', children, ...rest }: ComponentPropsWithoutRef<'a'>) {
  const external = /^https?:\/\//.test(href);
  return (
    <a href={href} {...(external ? { rel: 'noopener noreferrer' } : {})} {...rest}>
      {children}
    </a>
  );
}
