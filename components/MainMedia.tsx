import type { Image as StoryImage } from '@/lib/content/schema';
import { ResponsiveImage } from './ResponsiveImage';

/** The story's lead image: loaded eagerly with priority, sized so nothing shifts. */
export function MainMedia({ image }: { image: StoryImage }) {
  return (
    <figure className="mt-6">
      <ResponsiveImage
        src={image.src}
        alt={image.alt}
        width={image.width}
        height={image.height}
        priority
        sizes="(min-width: 1024px) 48rem, 100vw"
        className="h-auto w-full bg-surface"
      />
      {image.caption || image.credit ? (
        <figcaption className="mt-2 font-sans text-sm text-muted">
          {image.caption}
          {image.credit ? <span className="ml-1 text-xs tracking-wide uppercase">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
