import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingFront } from '@/components/ListingFront';
import { listingMetadata, authorListing } from '@/lib/listings';
import { parsePageSegment } from '@/lib/pagination';

export const revalidate = 30;
export const dynamicParams = true;

type Props = { params: Promise<{ id: string; page: string }> };

// Later pages render on first request and are cached like the rest (ISR).
export async function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const { id, page } = await params;
  const number = parsePageSegment(page);
  return number ? authorListing(id, number) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = await load(params);
  if (!listing) return {};
  return listingMetadata(listing);
}

export default async function AuthorLaterPage({ params }: Props) {
  const listing = await load(params);
  if (!listing) notFound();
  return <ListingFront listing={listing} />;
}
