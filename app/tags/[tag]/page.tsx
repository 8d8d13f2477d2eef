import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingFront } from '@/components/ListingFront';
import { getTagSlugs } from '@/lib/content/queries';
import { listingMetadata, tagListing } from '@/lib/listings';

export const revalidate = 30;
export const dynamicParams = true;

type Props = { params: Promise<{ tag: string }> };

export async function generateStaticParams() {
  return (await getTagSlugs()).map((tag) => ({ tag }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = await tagListing((await params).tag);
  if (!listing) return {};
  return listingMetadata(listing);
}

export default async function TagPage({ params }: Props) {
  const listing = await tagListing((await params).tag);
  if (!listing) notFound();
  return <ListingFront listing={listing} />;
}
