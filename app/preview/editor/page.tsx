import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { LiveEditor } from '@/components/LiveEditor.island';
import { PreviewBanner } from '@/components/PreviewBanner';
import { getLiveStoriesForEditor, getUpdateSource } from '@/lib/content/live';
import { getSections, getStorySource, getFirstAuthorId } from '@/lib/content/queries';
import { newStoryTemplate, newUpdateTemplate } from '@/lib/preview/template';

// Per request, never cached: it is only for editors in preview.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Live preview', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ slug?: string | string[]; live?: string | string[]; update?: string | string[] }> };

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : undefined);

/**
 * The editors' live preview, behind PREVIEW_SECRET: open /api/preview?secret=...&path=/preview/editor.
 * ?slug=<slug> starts from a story; ?live=<slug> writes a new update of a live story, and
 * &update=<id> starts from one of its updates. Not linked from any public page; a 404 without preview.
 */
export default async function LiveEditorPage({ searchParams }: Props) {
  if (!(await draftMode()).isEnabled) notFound();
  const params = await searchParams;
  const slug = one(params.slug);
  const liveSlug = one(params.live);
  const updateId = one(params.update);
  const [existing, existingUpdate, sections, author, liveStories] = await Promise.all([
    slug ? getStorySource(slug) : undefined,
    liveSlug && updateId ? getUpdateSource(liveSlug, updateId) : undefined,
    getSections(),
    getFirstAuthorId(),
    getLiveStoriesForEditor(),
  ]);
  const now = new Date();
  return (
    <>
      <PreviewBanner status="Live preview: nothing typed here is saved. Put the text in its file under content/ to publish it." />
      <h1 className="mb-6 font-serif text-3xl font-bold text-ink">Live preview</h1>
      <LiveEditor
        initialKind={liveSlug ? 'update' : 'story'}
        story={{
          slug: existing ? slug! : 'new-story',
          source: existing?.source ?? newStoryTemplate({ section: sections[0]?.id ?? 'world', author: author ?? 'your-author-id', now }),
        }}
        update={{
          story: liveSlug ?? liveStories[0]?.slug ?? '',
          id: existingUpdate ? updateId! : 'new-update',
          source: existingUpdate?.source ?? newUpdateTemplate({ now }),
        }}
        liveStories={liveStories}
      />
    </>
  );
}
