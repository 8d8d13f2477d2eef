import type { ReactNode } from 'react';
import type { FigureSize } from '@/lib/mdx/allowed-components';
import type { SlotName } from '@/lib/media/slots';

/** What an editor writes on a <Figure> (lib/mdx/allowed-components.ts), and where a <Gallery> puts it. */
export type FigureProps = {
  src: string;
  alt: string;
  width: number | string;
  height: number | string;
  caption?: string;
  credit?: string;
  size?: FigureSize;
  /** Set by <Gallery> on its figures, never by an editor (the allow-list has no such attribute). */
  inGallery?: boolean;
  /** Set by <Gallery> on the first of an odd number of figures, which spans the grid's two columns. */
  galleryLead?: boolean;
};

/** The slot a figure's picture fills (lib/media/slots.ts), by where it is and its size. */
export function figureSlot({ size, inGallery, galleryLead }: Pick<FigureProps, 'size' | 'inGallery' | 'galleryLead'>): SlotName {
  if (inGallery) return galleryLead ? 'gallery-lead' : 'gallery';
  return size === 'wide' ? 'figure-wide' : size === 'inline' ? 'figure-inline' : 'figure';
}

const FRAME_CLASS: Record<SlotName, string> = {
  figure: 'my-8',
  'figure-wide': 'figure-wide',
  'figure-inline': 'figure-inline',
  gallery: 'gallery-item',
  'gallery-lead': 'gallery-item',
  'story-lead': '',
  'card-lead': '',
  'card-standard': '',
  'card-list': '',
};

/**
 * A body figure's frame, whatever draws its picture: the picture, then its caption and credit
 * (every figure keeps both, in a gallery too). Sizes and the gallery are styled in app/globals.css.
 */
export function FigureFrame({
  slot,
  caption,
  credit,
  children,
}: {
  slot: SlotName;
  caption?: string;
  credit?: string;
  children: ReactNode;
}) {
  return (
    <figure className={FRAME_CLASS[slot]}>
      {children}
      {caption || credit ? (
        <figcaption className="mt-2 font-sans text-sm text-muted">
          {caption}
          {credit ? <span className="ml-1 text-xs tracking-wide uppercase">{credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
