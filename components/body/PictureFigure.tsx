import 'server-only';
import { Picture } from '@/components/Picture';
import { getPicture } from '@/lib/content/pictures';
import { Figure } from './Figure';
import { figureSlot, FigureFrame, type FigureProps } from './FigureFrame';

/**
 * A <Figure> on a story page: the renditions the content index made of its picture (centre focus,
 * its own shape) in the slot of its size, or of the gallery it is in, always lazy (a body picture
 * is never the page's first). A picture the index has no renditions of (a live update's) is shown
 * as the preview shows it.
 */
export async function PictureFigure(props: FigureProps) {
  const picture = await getPicture({ src: props.src, alt: props.alt });
  if (!picture) return <Figure {...props} />;
  const slot = figureSlot(props);
  return (
    <FigureFrame slot={slot} caption={props.caption} credit={props.credit}>
      <Picture picture={picture} slot={slot} loading="lazy" className="h-auto w-full" />
    </FigureFrame>
  );
}
