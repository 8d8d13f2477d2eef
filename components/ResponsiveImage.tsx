import { getImageProps } from 'next/image';
import { preload } from 'react-dom';

type ResponsiveImageProps = {
  src: string;
  alt: string;
  width: number;
  height: number;
  sizes: string;
  className?: string;
  /** The page's main image: loaded eagerly at high priority and preloaded, never lazy. */
  priority?: boolean;
};

/**
 * An optimised, responsive <img> rendered on the server with no client JavaScript. next/image's
 * component is a client component; getImageProps gives the same srcset through Next's image
 * optimiser without shipping it. Explicit width and height reserve the space: no layout shift.
 */
export function ResponsiveImage({ src, alt, width, height, sizes, className, priority = false }: ResponsiveImageProps) {
  const { props } = getImageProps({ src, alt, width, height, sizes, quality: 75, preload: priority });
  if (priority && props.srcSet) {
    preload(props.src, { as: 'image', imageSrcSet: props.srcSet, imageSizes: sizes, fetchPriority: 'high' });
  }
  return (
    // eslint-disable-next-line @next/next/no-img-element -- this is next/image's own output (getImageProps), server-rendered without its client component (ADR 0006)
    <img
      {...props}
      // No style attribute: next/image's inline style is left out, the stylesheet styles images.
      style={undefined}
      alt={alt}
      className={className}
      loading={priority ? 'eager' : 'lazy'}
      decoding={priority ? 'sync' : 'async'}
      fetchPriority={priority ? 'high' : undefined}
    />
  );
}
