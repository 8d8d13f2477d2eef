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
  const { props } = getImageProps({ src, alt, width, height, sizes, quality: 75, priority });
  if (priority && props.srcSet) {
    preload(props.src, { as: 'image', imageSrcSet: props.srcSet, imageSizes: sizes, fetchPriority: 'high' });
  }
  const { style: _style, ...rest } = props;
  // eslint-disable-next-line @next/next/no-img-element -- this is next/image's own output, server-rendered
  return (
    <img
      {...rest}
      alt={alt}
      className={className}
      loading={priority ? 'eager' : 'lazy'}
      decoding={priority ? 'sync' : 'async'}
      fetchPriority={priority ? 'high' : undefined}
    />
  );
}
