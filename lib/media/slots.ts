/**
 * The widest a picture is ever shown, in CSS pixels, and the screens it must stay sharp on: a
 * story's lead picture takes 48rem (components/MainMedia.tsx), a <Figure> 42rem
 * (components/body/Figure.tsx), on screens of up to 2 device pixels per CSS pixel.
 */
export const LEAD_SLOT_CSS_PX = 768;
export const FIGURE_SLOT_CSS_PX = 672;
export const SHARP_DPR = 2;

/** The fewest pixels across a picture needs for its largest slot. */
export function pixelsNeeded(slotCssPx: number): number {
  return slotCssPx * SHARP_DPR;
}
