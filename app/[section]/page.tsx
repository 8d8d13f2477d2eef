import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryList } from '@/components/StoryList';
import { getPublishedArticles, getSection, getSections } from '@/lib/content/queries';
import { pageMetadata } from '@/lib/seo/metadata';
import { paths } from '@/lib/urls';

export const revalidate = 30;
export const dynamicParams = true;

type Props = { params: Promise<{ section: string }> };

export async function generateStaticParams() {
  return (await getSections()).map((s) => ({ section: s.id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSection((await params).section);
  if (!section) return {};
  return pageMetadata({ title: section.name, description: section.description, path: paths.section(section.id), section });
}

export default async function SectionPage({ params }: Props) {
  const section = await getSection((await params).section);
  if (!section) notFound();
  const [articles, sections] = await Promise.all([getPublishedArticles(), getSections()]);
  const inSection = articles.filter((a) => a.section === section.id);
  return (
    <div className="mx-auto max-w-3xl">
      <header className="border-b-2 border-ink pb-4">
        <h1 className="font-serif text-4xl font-bold text-ink">{section.name}</h1>
        <p className="mt-2 font-sans text-muted">{section.description}</p>
      </header>
      {inSection.length ? (
        <StoryList title={`Latest in ${section.name}`} articles={inSection} sections={sections} />
      ) : (
        <p className="mt-8 font-sans text-muted">No stories in {section.name} yet.</p>
      )}
    </div>
  );
}
