import type { Picture as PictureData } from '@/lib/content/pictures';
import type { Image as StoryImage } from '@/lib/content/schema';
import { Picture } from './Picture';

/**
 * The story's lead picture across the full measure, with its caption and credit: the page's
 * largest picture, so loaded first (preloaded per shape), in a box sized before it arrives. The
 * one picture a printed story keeps (app/globals.css).
 */
export function MainMedia({ image, picture, className }: { image: StoryImage; picture: PictureData; className: string }) {
  return (
    <figure className={className} data-print-picture="lead">
      <Picture picture={picture} slot="story-lead" loading="high" className="h-auto w-full" />
      {image.caption || image.credit ? (
        <figcaption className="mt-2 font-sans text-sm text-muted">
          {image.caption}
          {image.credit ? <span className="ml-1 text-xs tracking-wide uppercase">{image.credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
