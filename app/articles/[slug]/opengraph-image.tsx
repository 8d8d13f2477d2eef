import { notFound } from 'next/navigation';
import { getStory, getSection } from '@/lib/content/queries';
import { formatDate } from '@/lib/format/display-dates';
import { shareImage, SHARE_IMAGE_SIZE } from '@/lib/seo/share-image';
import { site } from '@/lib/site';

export const revalidate = 30;
export const contentType = 'image/png';

type Params = { params: Promise<{ slug: string }> | { slug: string } };

/** One card per story, with its headline as the alt text (id `card`, see lib/seo/images.ts). */
export async function generateImageMetadata({ params }: Params) {
  const story = await getStory((await params).slug);
  return [
    {
      id: 'card',
      size: SHARE_IMAGE_SIZE,
      contentType,
      alt: story ? `${story.title} | ${site.name}` : site.name,
    },
  ];
}

/** A story's share card: section, headline, publication name and date. */
export default async function Image({ params }: { params: Promise<{ slug: string }> }) {
  const story = await getStory((await params).slug);
  if (!story) notFound();
  const section = await getSection(story.section);
  return shareImage({
    kicker: section?.name ?? site.name,
    headline: story.title,
    note: formatDate(story.publishedAt),
  });
}
