import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingFront } from '@/components/ListingFront';
import { getPublicAuthorIds } from '@/lib/content/queries';
import { listingMetadata, authorListing } from '@/lib/listings';

export const revalidate = 30;
export const dynamicParams = true;

type Props = { params: Promise<{ id: string }> };

export async function generateStaticParams() {
  return (await getPublicAuthorIds()).map((id) => ({ id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = await authorListing((await params).id);
  if (!listing) return {};
  return listingMetadata(listing);
}

export default async function AuthorPage({ params }: Props) {
  const listing = await authorListing((await params).id);
  if (!listing) notFound();
  return <ListingFront listing={listing} />;
}
