import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingFront } from '@/components/ListingFront';
import { getSections } from '@/lib/content/queries';
import { listingMetadata, sectionListing } from '@/lib/listings';

export const revalidate = 30;
export const dynamicParams = true;

type Props = { params: Promise<{ section: string }> };

export async function generateStaticParams() {
  return (await getSections()).map((s) => ({ section: s.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const listing = await sectionListing((await params).section);
  if (!listing) return {};
  return listingMetadata(listing);
}

export default async function SectionPage({ params }: Props) {
  const listing = await sectionListing((await params).section);
  if (!listing) notFound();
  return <ListingFront listing={listing} />;
}
