import type { Metadata } from 'next';
import { JsonLd } from '@/components/JsonLd';
import { LatestList } from '@/components/LatestList';
import { SectionRow } from '@/components/SectionRow';
import { StoryCard } from '@/components/StoryCard';
import { getNewestStories, getSections } from '@/lib/content/queries';
import { frontPageJsonLd } from '@/lib/seo/jsonld';
import { pageMetadata } from '@/lib/seo/metadata';
import { site } from '@/lib/site';
import { paths } from '@/lib/urls';

export const revalidate = 30;

export const metadata: Metadata = pageMetadata({
  title: { absolute: `${site.name}: world news, politics, business and science` },
  description: site.description,
  path: paths.front(),
});

/** Stories in each section row on the front page, under the lead, and in the latest list. */
const ROW_SIZE = 4;
const TOP_SIZE = 4;
const LATEST_SIZE = 8;

export default async function FrontPage() {
  const [stories, sections] = await Promise.all([getNewestStories(LATEST_SIZE), getSections()]);
  const sectionOf = (id: string) => sections.find((s) => s.id === id);
  // News hierarchy by time: the newest story leads, the next four are top stories.
  const [lead, ...rest] = stories;
  const top = rest.slice(0, TOP_SIZE);
  const onTop = new Set([lead, ...top].map((a) => a?.slug));
  // Each row: the section's newest stories that are not already on top (at most TOP_SIZE + 1 are).
  const rows = await Promise.all(
    sections.map(async (section) =>
      (await getNewestStories(ROW_SIZE + TOP_SIZE + 1, { section: section.id })).filter((a) => !onTop.has(a.slug)).slice(0, ROW_SIZE),
    ),
  );

  // The lead's picture is the first screen's largest: fetched first. Without one, no picture on
  // the first screen is big enough to lead (the top stories' are thumbnails or quarter-width), so
  // none is preloaded: they load eagerly, the section rows further down lazily.
  const leadLoading = lead?.image ? 'high' : 'eager';

  return (
    <>
      <JsonLd data={frontPageJsonLd()} />
      <h1 className="sr-only">{site.name}: the latest stories</h1>
      {lead ? (
        // From 72rem: the lead (48rem, the card-lead slot's width) beside the latest list, the top
        // stories in a full-width row under both (the card-standard slot's row). On phones they come
        // in source order: the lead, the top stories, the latest list. Chromium paints a long page
        // before it has parsed all of it, so the first row is at least the latest list's height
        // (49rem: its heading and eight entries of 5.75rem, components/LatestList.tsx) from the first
        // paint: the list arriving after the top stories never moves them (CLS 0).
        <section
          aria-label="Top stories"
          className="grid gap-10 min-[72rem]:grid-cols-[48rem_minmax(0,1fr)] min-[72rem]:grid-rows-[minmax(49rem,auto)_auto] min-[72rem]:gap-x-6"
        >
          <div className="min-[72rem]:col-start-1 min-[72rem]:row-start-1">
            <StoryCard story={lead} section={sectionOf(lead.section)} variant="lead" headingLevel="h2" loading={leadLoading} />
          </div>
          <ul className="card-grid min-[72rem]:col-span-2 min-[72rem]:col-start-1 min-[72rem]:row-start-2">
            {top.map((story) => (
              <li key={story.slug}>
                <StoryCard story={story} section={sectionOf(story.section)} variant="standard" headingLevel="h2" loading="eager" />
              </li>
            ))}
          </ul>
          <div className="min-[72rem]:col-start-2 min-[72rem]:row-start-1">
            <LatestList stories={stories} />
          </div>
        </section>
      ) : (
        <p className="font-sans text-muted">No stories have been published yet.</p>
      )}
      <div className="mt-12 grid gap-12">
        {sections.map((section, i) => (
          <SectionRow key={section.id} section={section} stories={rows[i]!} />
        ))}
      </div>
    </>
  );
}
