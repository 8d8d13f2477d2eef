import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingFront } from '@/components/ListingFront';
import { listingMetadata, sectionListing } from '@/lib/listings';
import { parsePageSegment } from '@/lib/pagination';

export const revalidate = 30;
export const dynamicParams = true;

type Props = { params: Promise<{ section: string; page: string }> };

// Later pages render on first request and are cached like the rest (ISR).
export async function generateStaticParams() {
  return [];
}

async function load(params: Props['params']) {
  const { section, page } = await params;
  const number = parsePageSegment(page);
  return number ? sectionListing(section, number) : undefined;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = await load(params);
  if (!listing) return {};
  return listingMetadata(listing);
}

export default async function SectionLaterPage({ params }: Props) {
  const listing = await load(params);
  if (!listing) notFound();
  return <ListingFront listing={listing} />;
}
