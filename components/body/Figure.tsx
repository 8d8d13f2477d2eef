import { ResponsiveImage } from '@/components/ResponsiveImage';

type FigureProps = {
  src: string;
  alt: string;
  width: number | string;
  height: number | string;
  caption?: string;
  credit?: string;
};

/** An image in the body with caption and credit: `<Figure src="/images/x.jpg" alt="..." width={1600} height={900} />`. */
export function Figure({ src, alt, width, height, caption, credit }: FigureProps) {
  return (
    <figure className="my-8">
      <ResponsiveImage
        src={src}
        alt={alt}
        width={Number(width)}
        height={Number(height)}
        sizes="(min-width: 768px) 42rem, 100vw"
        className="h-auto w-full bg-surface"
      />
      {caption || credit ? (
        <figcaption className="mt-2 font-sans text-sm text-muted">
          {caption}
          {credit ? <span className="ml-1 text-xs uppercase tracking-wide">{credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
