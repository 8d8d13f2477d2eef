import { getImageProps } from 'next/image';
import { preload } from 'react-dom';

type ResponsiveImageProps = {
  src: string;
  alt: string;
  width: number;
  height: number;
  sizes: string;
  className?: string;
  /** The page's largest image: preloaded (Next 16's `preload`, which replaces `priority`), eager, high priority. */
  preload?: boolean;
};

/**
 * Authors' photos (story pictures are renditions made by the content index: components/Picture.tsx).
 * An optimised, responsive <img> rendered on the server with no client JavaScript. next/image's
 * component is a client component; getImageProps gives the same srcset through Next's image
 * optimiser without shipping it. Explicit width and height reserve the space: no layout shift.
 */
export function ResponsiveImage({ src, alt, width, height, sizes, className, preload: first = false }: ResponsiveImageProps) {
  const { props } = getImageProps({ src, alt, width, height, sizes, quality: 75, preload: first });
  if (first && props.srcSet) {
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
      loading={first ? 'eager' : 'lazy'}
      decoding={first ? 'sync' : 'async'}
      fetchPriority={first ? 'high' : undefined}
    />
  );
}
