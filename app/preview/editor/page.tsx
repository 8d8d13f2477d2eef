import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { LiveEditor } from '@/components/LiveEditor.island';
import { PreviewBanner } from '@/components/PreviewBanner';
import { getSections, getStorySource, getFirstAuthorId } from '@/lib/content/queries';
import { newStoryTemplate } from '@/lib/preview/template';

// Per request, never cached: it is only for editors in preview.
export const dynamic = 'force-dynamic';

export const metadata: Metadata = { title: 'Live preview', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<{ slug?: string | string[] }> };

/**
 * The editors' live preview, behind PREVIEW_SECRET: open /api/preview?secret=...&path=/preview/editor
 * (add ?slug=<slug> to start from a story). Not linked from any public page; a 404 without preview.
 */
export default async function LiveEditorPage({ searchParams }: Props) {
  if (!(await draftMode()).isEnabled) notFound();
  const requested = (await searchParams).slug;
  const slug = typeof requested === 'string' ? requested : undefined;
  const existing = slug ? await getStorySource(slug) : undefined;
  const [sections, author] = await Promise.all([getSections(), getFirstAuthorId()]);
  const initialSource =
    existing?.source ?? newStoryTemplate({ section: sections[0]?.id ?? 'world', author: author ?? 'your-author-id', now: new Date() });
  return (
    <>
      <PreviewBanner status="Live preview: nothing typed here is saved. Put the text in a file under content/articles/ to publish it." />
      <h1 className="mb-6 font-serif text-3xl font-bold text-ink">Live preview</h1>
      <LiveEditor initialSlug={existing ? slug! : 'new-story'} initialSource={initialSource} />
    </>
  );
}
