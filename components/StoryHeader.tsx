import type { ReactNode } from 'react';
import type { Picture } from '@/lib/content/pictures';
import type { Author, Section, Story } from '@/lib/content/schema';
import { paths } from '@/lib/urls';
import { Breadcrumbs } from './Breadcrumbs';
import { Byline } from './Byline';
import { MainMedia } from './MainMedia';
import { SampleLabel } from './SampleLabel';
import { ShareActions } from './ShareActions';
import { Standfirst } from './Standfirst';
import { StoryHeadline } from './StoryHeadline';

type StoryHeaderProps = {
  story: Story;
  section?: Section;
  authors: readonly Author[];
  /** Beside the breadcrumbs, before "Sample story": a live story's Live or Ended label. */
  label?: ReactNode;
  /** Under the byline: the story's times and reading time, or a live story's coverage times. */
  meta: ReactNode;
  /** The address the share controls give. */
  shareUrl: string;
  /** The lead picture, when the page shows it (as the index made it: lib/content/pictures.ts). */
  picture?: Picture;
};

/**
 * The top of a story or live page: where it sits, headline, standfirst, byline, times, sharing, lead
 * picture. On phones the picture comes first, under the breadcrumbs, so it is on the first screen
 * (below the byline it began under 740 px); the markup keeps the headline first for screen readers.
 */
export function StoryHeader({ story, section, authors, label, meta, shareUrl, picture }: StoryHeaderProps) {
  return (
    <header className="flex flex-col">
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <Breadcrumbs
          crumbs={[{ name: 'Home', href: paths.front() }, ...(section ? [{ name: section.name, href: paths.section(section.id) }] : [])]}
        />
        {label}
        {story.sample ? <SampleLabel /> : null}
      </div>
      <div className="max-md:order-2">
        <StoryHeadline>{story.title}</StoryHeadline>
        <Standfirst>{story.dek}</Standfirst>
        <div className="mt-6 flex flex-wrap items-end justify-between gap-4 border-y border-rule py-3">
          <div>
            <Byline authors={authors} />
            {meta}
          </div>
          <ShareActions url={shareUrl} title={story.title} />
        </div>
      </div>
      {picture && story.image ? (
        <MainMedia image={story.image} picture={picture} className="mt-6 max-md:order-1 max-md:mt-0 max-md:mb-5 print:order-3 print:mt-6" />
      ) : null}
    </header>
  );
}
