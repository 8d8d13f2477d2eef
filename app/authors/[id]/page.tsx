import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuthorAvatar } from '@/components/AuthorAvatar';
import { JsonLd } from '@/components/JsonLd';
import { StoryList } from '@/components/StoryList';
import { getPublicAuthor, getPublicAuthorIds, getSections } from '@/lib/content/queries';
import { profilePageJsonLd } from '@/lib/seo/jsonld';
import { pageMetadata } from '@/lib/seo/metadata';
import { paths } from '@/lib/urls';

export const revalidate = 30;
export const dynamicParams = true;

type Props = { params: Promise<{ id: string }> };

export async function generateStaticParams() {
  return (await getPublicAuthorIds()).map((id) => ({ id }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getPublicAuthor((await params).id);
  if (!found) return {};
  return pageMetadata({
    title: found.author.name,
    description: `${found.author.role}. ${found.author.bio}`,
    path: paths.author(found.author.id),
  });
}

export default async function AuthorPage({ params }: Props) {
  const found = await getPublicAuthor((await params).id);
  if (!found) notFound();
  const { author, articles } = found;
  const sections = await getSections();
  return (
    <div className="mx-auto max-w-3xl">
      <JsonLd data={profilePageJsonLd(author, articles.length)} />
      <header className="flex flex-col gap-5 border-b border-rule pb-8 sm:flex-row sm:items-start">
        <AuthorAvatar author={author} size={96} />
        <div>
          <h1 className="font-serif text-4xl font-bold text-ink">{author.name}</h1>
          <p className="mt-1 font-sans text-base font-semibold text-accent">{author.role}</p>
          <p className="mt-4 font-serif text-lg leading-relaxed text-ink">{author.bio}</p>
        </div>
      </header>
      <StoryList title={`Stories by ${author.name}`} articles={articles} sections={sections} />
    </div>
  );
}
