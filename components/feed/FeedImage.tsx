import type { ComponentPropsWithoutRef } from 'react';
import { absoluteUrl } from '@/lib/site';

/**
 * An image in feed HTML, with an absolute address a feed reader can load. `loading="lazy"` also
 * stops React's static renderer from hoisting a `<link rel="preload">` for it into the feed.
 */
export function FeedImage({ src, alt = '', ...rest }: ComponentPropsWithoutRef<'img'>) {
  const url = typeof src === 'string' && src.startsWith('/') && !src.startsWith('//') ? absoluteUrl(src) : src;
  // eslint-disable-next-line @next/next/no-img-element -- feed HTML for feed readers: a plain <img> with an absolute address, no Next image optimiser or client code
  return <img src={url} alt={alt} loading="lazy" {...rest} />;
}
