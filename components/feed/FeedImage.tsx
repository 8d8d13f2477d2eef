import type { ComponentPropsWithoutRef } from 'react';
import { absoluteUrl } from '@/lib/site';

/** A Markdown image in feed HTML, with an absolute address a feed reader can load. */
export function FeedImage({ src, alt = '', ...rest }: ComponentPropsWithoutRef<'img'>) {
  const url = typeof src === 'string' && src.startsWith('/') && !src.startsWith('//') ? absoluteUrl(src) : src;
  return <img src={url} alt={alt} {...rest} />;
}
