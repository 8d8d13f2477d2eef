import { preload } from 'react-dom';
import type { Picture as PictureData } from '@/lib/content/pictures';
import { CENTRE } from '@/lib/media/crop-box';
import { pictureMarkup } from '@/lib/media/picture-markup';
import type { SlotName } from '@/lib/media/slots';

type PictureProps = {
  picture: PictureData;
  slot: SlotName;
  /**
   * `eager` for pictures on the first screen, `lazy` for the rest; `high` for the one picture
   * that is the page's largest (at most one per page): preloaded, per shape, with its media.
   */
  loading: 'lazy' | 'eager' | 'high';
  className?: string;
};

/**
 * A picture in a slot, as <picture>: a crop per viewport where the slot's shape changes, AVIF then
 * WebP, at widths that match the slot (lib/media/slots.ts). Rendered on the server, no client
 * JavaScript. Each <source> carries its shape's width and height, so the browser reserves the
 * right box at every viewport (no layout shift), and the box shows the picture's own colour and a
 * blurred preview until the picture arrives.
 */
export function Picture({ picture, slot, loading, className }: PictureProps) {
  const { sources, img, preloads } = pictureMarkup(picture, slot);
  if (loading === 'high')
    for (const p of preloads)
      preload(p.srcSet.split(' ')[0]!, {
        as: 'image',
        type: p.type,
        imageSrcSet: p.srcSet,
        imageSizes: p.sizes,
        fetchPriority: 'high',
        ...(p.media ? { media: p.media } : {}),
      });
  const focus = picture.focus ?? CENTRE;
  return (
    <picture>
      {sources.map((s) => (
        <source
          key={`${s.media ?? ''}${s.type}`}
          media={s.media}
          type={s.type}
          srcSet={s.srcSet}
          sizes={s.sizes}
          width={s.width}
          height={s.height}
        />
      ))}
      <img
        src={img.src}
        srcSet={img.srcSet}
        sizes={img.sizes}
        width={img.width}
        height={img.height}
        alt={picture.alt}
        loading={loading === 'lazy' ? 'lazy' : 'eager'}
        decoding={loading === 'lazy' ? 'async' : 'auto'}
        fetchPriority={loading === 'high' ? 'high' : undefined}
        className={className}
        style={{
          backgroundColor: picture.color,
          backgroundImage: `url(${picture.preview})`,
          backgroundSize: 'cover',
          backgroundPosition: `${Math.round(focus.x * 100)}% ${Math.round(focus.y * 100)}%`,
        }}
      />
    </picture>
  );
}
