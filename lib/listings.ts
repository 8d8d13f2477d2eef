import { getListingPage, getPublicAuthor, getPublicAuthorIds, getSection, getSections, getTag, getTagSlugs } from '@/lib/content/queries';
import type { Story, Author, Section } from '@/lib/content/schema';
import type { Metadata } from 'next';
import type { PageOf } from '@/lib/pagination';
import { pageMetadata } from '@/lib/seo/metadata';
import { paths } from '@/lib/urls';

/** What every paginated front has: its heading, where it lives, and one page of stories. */
type ListingBase = {
  title: string;
  description: string;
  basePath: string;
  page: PageOf<Story>;
  sections: readonly Section[];
};

/** A section front (with its section, for its own feeds), a tag front, or an author's page. */
export type Listing =
  | (ListingBase & { kind: 'section'; section: Section })
  | (ListingBase & { kind: 'tag' })
  | (ListingBase & { kind: 'author'; author: Author });

/** A section front, or undefined for an unknown section or a page beyond the last. */
export async function sectionListing(id: string, pageNumber = 1): Promise<Listing | undefined> {
  const section = await getSection(id);
  if (!section) return undefined;
  const page = await getListingPage('section', id, pageNumber);
  if (!page) return undefined;
  return {
    kind: 'section',
    title: section.name,
    description: section.description,
    basePath: paths.section(id),
    page,
    sections: await getSections(),
    section,
  };
}

export async function tagListing(slug: string, pageNumber = 1): Promise<Listing | undefined> {
  const tag = await getTag(slug);
  if (!tag) return undefined;
  const page = await getListingPage('tag', slug, pageNumber);
  if (!page) return undefined;
  return {
    kind: 'tag',
    title: tag.name,
    description: `Stories about ${tag.name}, newest first.`,
    basePath: paths.tag(tag.name),
    page,
    sections: await getSections(),
  };
}

export async function authorListing(id: string, pageNumber = 1): Promise<Listing | undefined> {
  const found = await getPublicAuthor(id);
  if (!found) return undefined;
  const page = await getListingPage('author', id, pageNumber);
  if (!page) return undefined;
  return {
    kind: 'author',
    title: found.author.name,
    description: `${found.author.role}. ${found.author.bio}`,
    basePath: paths.author(id),
    page,
    sections: await getSections(),
    author: found.author,
  };
}

/** Metadata title for page N: "World" on page 1, "World: page 2" after. */
export function listingTitle(listing: Listing): string {
  return listing.page.page > 1 ? `${listing.title}: page ${listing.page.page}` : listing.title;
}

/** Metadata for any page of a front: self-canonical (Google's advice for paginated series), feeds. */
export function listingMetadata(listing: Listing): Metadata {
  return pageMetadata({
    title: listingTitle(listing),
    description: listing.description,
    path: paths.listingPage(listing.basePath, listing.page.page),
    section: listing.kind === 'section' ? listing.section : undefined,
  });
}

// What `next build` prerenders of each kind: every section, and every tag and author with public stories.
export async function sectionParams(): Promise<{ section: string }[]> {
  return (await getSections()).map((s) => ({ section: s.id }));
}

export async function tagParams(): Promise<{ tag: string }[]> {
  return (await getTagSlugs()).map((tag) => ({ tag }));
}

export async function authorParams(): Promise<{ id: string }[]> {
  return (await getPublicAuthorIds()).map((id) => ({ id }));
}
