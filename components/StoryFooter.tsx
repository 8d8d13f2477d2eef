import type { Author, Story } from '@/lib/content/schema';
import { AuthorBio } from './AuthorBio';
import { CorrectionsBox } from './CorrectionsBox';
import { SourceAttribution } from './SourceAttribution';
import { TagList } from './TagList';

/** The end of a story or live page: its corrections, source, tags and its authors' bios. */
export function StoryFooter({ story, authors }: { story: Story; authors: readonly Author[] }) {
  return (
    <>
      <CorrectionsBox corrections={story.corrections ?? []} />
      {story.source ? <SourceAttribution source={story.source} /> : null}
      <TagList tags={story.tags} />
      <footer>
        {authors.map((author) => (
          <AuthorBio key={author.id} author={author} />
        ))}
      </footer>
    </>
  );
}
