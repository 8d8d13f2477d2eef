import { getSections } from '@/lib/content/queries';
import { shareImage, SHARE_IMAGE_SIZE } from '@/lib/seo/share-image';
import { site } from '@/lib/site';

export const revalidate = 3600;
export const alt = `${site.name}: ${site.description}`;
export const size = SHARE_IMAGE_SIZE;
export const contentType = 'image/png';

/** The site's share card (sections, name, description), used by every page without its own. */
export default async function Image() {
  const sections = await getSections();
  return shareImage({
    kicker: sections.map((s) => s.name).join(' · ') || site.name,
    headline: site.name,
    standfirst: site.description,
  });
}
