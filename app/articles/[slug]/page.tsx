import type { Metadata } from 'next';
import { draftMode } from 'next/headers';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/ArticleBody';
import { ArticleHeadline } from '@/components/ArticleHeadline';
import { ArticleMeta } from '@/components/ArticleMeta';
import { AuthorBio } from '@/components/AuthorBio';
import { Byline } from '@/components/Byline';
import { CorrectionsBox } from '@/components/CorrectionsBox';
import { MainMedia } from '@/components/MainMedia';
import { PreviewBanner } from '@/components/PreviewBanner';
import { RelatedStories } from '@/components/RelatedStories';
import { SampleLabel } from '@/components/SampleLabel';
import { SectionKicker } from '@/components/SectionKicker';
import { SourceAttribution } from '@/components/SourceAttribution';
import { Standfirst } from '@/components/Standfirst';
import { StoryProblems } from '@/components/StoryProblems';
import { getAuthors, getPublishedArticles, getSections, getStoryForPage } from '@/lib/content/queries';
import { relatedArticles } from '@/lib/content/related';
import { previewStatus } from '@/lib/preview/status';
import { paths } from '@/lib/urls';

// ISR window in seconds (docs/architecture/0003-isr-windows.md). Must be a literal for Next.
export const revalidate = 30;
// Stories added after the build render on their first request, then are cached like the rest.
export const dynamicParams = true;

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  return (await getPublishedArticles()).map((a) => ({ slug: a.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  // Drafts and scheduled stories only in preview (draft mode); see lib/content/queries.ts.
  const found = await getStoryForPage((await params).slug, { preview: (await draftMode()).isEnabled });
  if (found?.kind !== 'story') return {};
  const { article } = found;
  return {
    title: article.title,
    description: article.dek,
    alternates: { canonical: paths.article(article.slug) },
    ...(found.public ? {} : { robots: { index: false, follow: false } }),
  };
}

export default async function ArticlePage({ params }: Props) {
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
  const { article } = found;
  const [authors, sections, published] = await Promise.all([
    getAuthors(article.authors),
    getSections(),
    getPublishedArticles(),
  ]);
  const section = sections.find((s) => s.id === article.section);
  const related = relatedArticles(article, published, 5);

  return (
    <div className="mx-auto max-w-3xl">
      {preview ? (
        <PreviewBanner status={previewStatus(article)} exitTo={found.public ? paths.article(slug) : paths.front()} />
      ) : null}
      <article>
        <header>
          <div className="mb-3 flex flex-wrap items-center gap-3">
            {section ? <SectionKicker section={section} /> : null}
            {article.sample ? <SampleLabel /> : null}
          </div>
          <ArticleHeadline>{article.title}</ArticleHeadline>
          <Standfirst>{article.dek}</Standfirst>
          <div className="mt-6 border-y border-rule py-3">
            <Byline authors={authors} />
            <ArticleMeta
              dateline={article.dateline}
              publishedAt={article.publishedAt}
              updatedAt={article.updatedAt}
              wordCount={article.wordCount}
            />
          </div>
          {article.image ? <MainMedia image={article.image} /> : null}
        </header>
        <div className="mt-8">
          <ArticleBody source={article.body} />
        </div>
        <CorrectionsBox corrections={article.corrections ?? []} />
        {article.source ? <SourceAttribution source={article.source} /> : null}
        <footer>
          {authors.map((author) => (
            <AuthorBio key={author.id} author={author} />
          ))}
        </footer>
      </article>
      <RelatedStories articles={related} sections={sections} />
    </div>
  );
}
