import type { Listing } from '@/lib/listings';
import { profilePageJsonLd } from '@/lib/seo/jsonld';
import { paths } from '@/lib/urls';
import { AuthorAvatar } from './AuthorAvatar';
import { JsonLd } from './JsonLd';
import { Pagination } from './Pagination';
import { StoryList } from './StoryList';

/** A section, tag or author front: heading, one page of stories, and links to the other pages. */
export function ListingFront({ listing }: { listing: Listing }) {
  const { page } = listing;
  const author = listing.kind === 'author' ? listing.author : undefined;
  const pageNote = page.page > 1 ? ` (page ${page.page} of ${page.totalPages})` : '';
  const listTitle = { section: `Latest in ${listing.title}`, tag: `Latest on ${listing.title}`, author: `Stories by ${listing.title}` }[
    listing.kind
  ];
  return (
    <div className="mx-auto max-w-3xl">
      {author ? <JsonLd data={profilePageJsonLd(author, page.totalItems)} /> : null}
      {author ? (
        <header className="flex flex-col gap-5 border-b border-rule pb-8 sm:flex-row sm:items-start">
          <AuthorAvatar author={author} size={96} />
          <div>
            <h1 className="font-serif text-4xl font-bold text-ink">
              {author.name}
              {pageNote ? <span className="sr-only">{pageNote}</span> : null}
            </h1>
            <p className="mt-1 font-sans text-base font-semibold text-accent">{author.role}</p>
            <p className="mt-4 font-serif text-lg leading-relaxed text-ink">{author.bio}</p>
          </div>
        </header>
      ) : (
        <header className="border-b-2 border-ink pb-4">
          {listing.kind === 'tag' ? <p className="font-sans text-sm font-semibold tracking-wide text-accent uppercase">Topic</p> : null}
          <h1 className="font-serif text-4xl font-bold text-ink">
            {listing.title}
            {pageNote ? <span className="font-sans text-lg font-normal text-muted">{pageNote}</span> : null}
          </h1>
          <p className="mt-2 font-sans text-muted">{listing.description}</p>
        </header>
      )}
      {page.items.length ? (
        <StoryList title={listTitle} stories={page.items} sections={listing.sections} showTime lead={page.page === 1} />
      ) : (
        <p className="mt-8 font-sans text-muted">No stories here yet.</p>
      )}
      <Pagination kind="stories" page={page.page} totalPages={page.totalPages} hrefFor={(n) => paths.listingPage(listing.basePath, n)} />
    </div>
  );
}
