import 'server-only';
import { CENTRE, type Focus } from '@/lib/media/crop-box';

/** A focal point as the pictures table keys it: "x,y" (the centre when the story names none). */
export const focusText = (focus: Focus = CENTRE) => `${focus.x},${focus.y}`;

/** The focal point a pictures row was made for. */
export function parseFocusText(text: string): Focus {
  const [x, y] = text.split(',').map(Number);
  return { x: Number.isFinite(x) ? x! : CENTRE.x, y: Number.isFinite(y) ? y! : CENTRE.y };
}
