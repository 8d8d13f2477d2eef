import type { ComponentPropsWithoutRef } from 'react';
import { absoluteUrl } from '@/lib/site';

/** A link in feed HTML: feed readers show it away from the site, so site paths become absolute. */
export function FeedLink({ href = '', children, ...rest }: ComponentPropsWithoutRef<'a'>) {
  return (
    <a href={href.startsWith('/') && !href.startsWith('//') ? absoluteUrl(href) : href} {...rest}>
      {children}
    </a>
  );
}
