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

  return (
    <>
      <JsonLd data={frontPageJsonLd()} />
      <h1 className="sr-only">{site.name}: the latest stories</h1>
      {lead ? (
        <div className="grid gap-10 lg:grid-cols-[2fr_1fr]">
          <section aria-label="Top stories" className="grid gap-8 md:grid-cols-[3fr_2fr]">
            <StoryCard story={lead} section={sectionOf(lead.section)} variant="lead" headingLevel="h2" />
            <ul className="grid content-start gap-5">
              {top.map((story) => (
                <li key={story.slug} className="border-b border-rule pb-5 last:border-b-0">
                  <StoryCard story={story} section={sectionOf(story.section)} variant="compact" headingLevel="h2" />
                </li>
              ))}
            </ul>
          </section>
          <LatestList stories={stories} />
        </div>
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
