import { shareImage, SHARE_IMAGE_SIZE } from '@/lib/seo/share-image';
import { site } from '@/lib/site';

export const alt = `${site.name}: ${site.description}`;
export const size = SHARE_IMAGE_SIZE;
export const contentType = 'image/png';

/** The site's share card, used by every page that has none of its own. */
export default function Image() {
  return shareImage({ kicker: 'News', headline: site.name, standfirst: site.description });
}
