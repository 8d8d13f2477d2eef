import { FeedImage } from './FeedImage';

type FeedFigureProps = {
  src: string;
  alt: string;
  width?: number | string;
  height?: number | string;
  caption?: string;
  credit?: string;
};

/**
 * A figure in feed HTML: the original image file at an absolute URL (not the image optimizer,
 * whose URLs depend on the browser), with its caption and credit.
 */
export function FeedFigure({ src, alt, width, height, caption, credit }: FeedFigureProps) {
  return (
    <figure>
      <FeedImage
        src={src}
        alt={alt}
        width={width === undefined ? undefined : Number(width)}
        height={height === undefined ? undefined : Number(height)}
      />
      {caption || credit ? (
        <figcaption>
          {caption}
          {caption && credit ? ' ' : null}
          {credit ? <small>{credit}</small> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
