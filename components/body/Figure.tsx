import { ResponsiveImage } from '@/components/ResponsiveImage';
import { SLOTS } from '@/lib/media/slots';
import { figureSlot, FigureFrame, type FigureProps } from './FigureFrame';

/**
 * An image in the body with caption and credit, as the live preview shows it (in the browser,
 * through the image optimiser: a story being written has no renditions yet), and as story pages
 * show a picture the content index made no renditions of (a live update's). Story pages show the
 * index's renditions: PictureFigure.tsx. `<Figure src="/images/x.jpg" alt="..." width={1600} height={900} />`.
 */
export function Figure({ src, alt, width, height, caption, credit, size, inGallery, galleryLead }: FigureProps) {
  const slot = figureSlot({ size, inGallery, galleryLead });
  return (
    <FigureFrame slot={slot} caption={caption} credit={credit}>
      <ResponsiveImage
        src={src}
        alt={alt}
        width={Number(width)}
        height={Number(height)}
        sizes={SLOTS[slot].art[0].sizes}
        className="h-auto w-full bg-surface"
      />
    </FigureFrame>
  );
}
