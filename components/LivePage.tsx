import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { JsonLd } from '@/components/JsonLd';
import { LiveCoverage } from '@/components/LiveCoverage';
import { PreviewBanner } from '@/components/PreviewBanner';
import { getLivePage, type LivePage } from '@/lib/content/live';
import { getAuthors, getSection } from '@/lib/content/queries';
import { previewStatus } from '@/lib/preview/status';
import { breadcrumbJsonLd, liveBlogPostingJsonLd, storyBreadcrumbs } from '@/lib/seo/jsonld';
import { liveMetadata } from '@/lib/seo/metadata';
import { paths } from '@/lib/urls';
import { getPicture } from '@/lib/content/pictures';

type RouteProps<P> = { params: Promise<P> };

async function load(slug: string, page: number | undefined): Promise<LivePage | undefined> {
  if (page === undefined) return undefined;
  const found = await getLivePage(slug, page, { preview: (await draftMode()).isEnabled });
  // A story whose live coverage was taken out of its front matter reads as a story again.
  if (found === 'not-live') redirect(paths.story(slug));
  return found;
}

async function namesOf(live: LivePage) {
  const ids = new Set([...live.story.authors, ...live.updates.flatMap((e) => e.update.authors ?? [])]);
  const [authors, section, picture] = await Promise.all([
    getAuthors([...ids]),
    getSection(live.story.section),
    getPicture(live.story.image),
  ]);
  return { authors: new Map(authors.map((a) => [a.id, a])), section, picture };
}

/**
 * What the live routes (/live/<slug> and /live/<slug>/page/N) export besides their segment config
 * (literals in the route files): metadata and the page, from the slug and the page number.
 */
export function liveRoute<P extends { slug: string }>(pageOf: (params: P) => number | undefined) {
  return {
    generateMetadata: async ({ params }: RouteProps<P>): Promise<Metadata> => {
      const p = await params;
      const live = await load(p.slug, pageOf(p));
      if (!live) return {};
      const { authors, section } = await namesOf(live);
      return {
        ...liveMetadata(
          live.story,
          live.story.authors.flatMap((id) => authors.get(id) ?? []),
          section,
          live,
        ),
        ...(live.public ? {} : { robots: { index: false, follow: false } }),
      };
    },
    LivePage: async ({ params }: RouteProps<P>) => {
      const p = await params;
      const live = await load(p.slug, pageOf(p));
      if (!live) notFound();
      const { authors, section, picture } = await namesOf(live);
      const storyAuthors = live.story.authors.flatMap((id) => authors.get(id) ?? []);
      const preview = (await draftMode()).isEnabled;
      return (
        <>
          {preview ? (
            <PreviewBanner status={previewStatus(live.story)} exitTo={live.public ? paths.live(live.story.slug) : paths.front()} />
          ) : null}
          {/* Structured data describes public stories only, never one in preview. */}
          {live.public ? (
            <>
              <JsonLd data={liveBlogPostingJsonLd({ ...live, authors: storyAuthors, section, picture })} />
              <JsonLd data={breadcrumbJsonLd(storyBreadcrumbs(live.story, section))} />
            </>
          ) : null}
          <LiveCoverage live={live} authors={authors} section={section} picture={picture} />
        </>
      );
    },
  };
}
