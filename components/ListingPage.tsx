import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ListingFront } from '@/components/ListingFront';
import { listingMetadata, type Listing } from '@/lib/listings';
import { parsePageSegment } from '@/lib/pagination';

type RouteProps<P> = { params: Promise<P> };

/**
 * What a section, tag or author route exports besides its segment config (which Next needs as
 * literals in the route file): its metadata and its page, both from one loader of its params.
 */
export function listingRoute<P>(load: (params: P) => Promise<Listing | undefined>) {
  return {
    generateMetadata: async ({ params }: RouteProps<P>): Promise<Metadata> => {
      const listing = await load(await params);
      return listing ? listingMetadata(listing) : {};
    },
    ListingPage: async ({ params }: RouteProps<P>) => {
      const listing = await load(await params);
      if (!listing) notFound();
      return <ListingFront listing={listing} />;
    },
  };
}

/** Page N of a listing from its `/page/N` segment; a segment we do not publish loads nothing (a 404). */
export async function laterPage(segment: string, load: (page: number) => Promise<Listing | undefined>): Promise<Listing | undefined> {
  const page = parsePageSegment(segment);
  return page ? load(page) : undefined;
}
