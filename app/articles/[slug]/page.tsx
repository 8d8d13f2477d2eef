import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound, permanentRedirect } from 'next/navigation';
import { StoryBody } from '@/components/StoryBody';
import { StoryFooter } from '@/components/StoryFooter';
import { StoryHeader } from '@/components/StoryHeader';
import { StoryMeta } from '@/components/StoryMeta';
import { JsonLd } from '@/components/JsonLd';
import { MoreFromAuthor } from '@/components/MoreFromAuthor';
import { PreviewBanner } from '@/components/PreviewBanner';
import { RelatedStories } from '@/components/RelatedStories';
import { StoryProblems } from '@/components/StoryProblems';
import { getPicture } from '@/lib/content/pictures';
import {
  getAuthors,
  getMoreFromAuthor,
  getPrerenderSlugs,
  getRelated,
  getSection,
  getSections,
  getStoryForPage,
} from '@/lib/content/queries';
import { previewStatus } from '@/lib/preview/status';
import { storyBreadcrumbs, breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/jsonld';
import { storyMetadata } from '@/lib/seo/metadata';
import { absoluteUrl, prerenderLimit } from '@/lib/site';
import { paths } from '@/lib/urls';

// ISR window in seconds (docs/architecture/0003-isr-windows.md). Must be a literal for Next.
export const revalidate = 30;
// Stories added after the build render on their first request, then are cached like the rest.
export const dynamicParams = true;

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  return (await getPrerenderSlugs(prerenderLimit())).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Drafts and scheduled stories only in preview (draft mode); see lib/content/queries.ts.
  const found = await getStoryForPage((await params).slug, { preview: (await draftMode()).isEnabled });
  if (found?.kind !== 'story') return {};
  const { story } = found;
  const [authors, section] = await Promise.all([getAuthors(story.authors), getSection(story.section)]);
  return {
    ...storyMetadata(story, authors, section),
    ...(found.public ? {} : { robots: { index: false, follow: false } }),
  };
}

export default async function StoryPage({ params }: Props) {
  const { slug } = await params;
  const preview = (await draftMode()).isEnabled;
  const found = await getStoryForPage(slug, { preview });
  if (!found) notFound();
  if (found.kind === 'problems') {
    return (
      <>
        <PreviewBanner status="This story's file has errors." />
        <StoryProblems slug={found.slug} problems={found.problems} />
      </>
    );
  }
  const { story } = found;
  // A live story keeps the live route's address for its whole life (ADR 0011).
  if (story.live) permanentRedirect(paths.live(slug));
  const [authors, sections, related, moreFromAuthor, picture] = await Promise.all([
    getAuthors(story.authors),
    getSections(),
    getRelated(story, 4),
    getMoreFromAuthor(story, 4),
    getPicture(story.image),
  ]);
  const section = sections.find((s) => s.id === story.section);
  // Structured data describes public stories only, never a draft or scheduled story in preview.
  const structured = found.public ? newsArticleJsonLd({ story, authors, section, picture }) : undefined;

  return (
    // The page's full width, so "More to read" rows have the width the card slots describe (lib/media/slots.ts).
    <div>
      {preview ? <PreviewBanner status={previewStatus(story)} exitTo={found.public ? paths.story(slug) : paths.front()} /> : null}
      {structured ? <JsonLd data={structured} /> : null}
      {found.public ? <JsonLd data={breadcrumbJsonLd(storyBreadcrumbs(story, section))} /> : null}
      <article className="mx-auto max-w-3xl">
        <StoryHeader
          story={story}
          section={section}
          authors={authors}
          meta={
            <StoryMeta dateline={story.dateline} publishedAt={story.publishedAt} updatedAt={story.updatedAt} wordCount={story.wordCount} />
          }
          shareUrl={absoluteUrl(paths.story(story.slug))}
          picture={picture}
        />
        <div className="mt-8">
          <StoryBody code={found.code} />
        </div>
        <StoryFooter story={story} authors={authors} />
      </article>
      <aside aria-label="More to read" className="mt-12 grid gap-10 border-t-2 border-ink pt-5" data-print="hide">
        <RelatedStories related={related} sections={sections} />
        {authors[0] ? <MoreFromAuthor author={authors[0]} stories={moreFromAuthor} sections={sections} /> : null}
      </aside>
    </div>
  );
}
