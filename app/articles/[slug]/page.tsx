import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleBody } from '@/components/ArticleBody';
import { ArticleHeadline } from '@/components/ArticleHeadline';
import { ArticleMeta } from '@/components/ArticleMeta';
import { JsonLd } from '@/components/JsonLd';
import { AuthorBio } from '@/components/AuthorBio';
import { Byline } from '@/components/Byline';
import { MainMedia } from '@/components/MainMedia';
import { RelatedStories } from '@/components/RelatedStories';
import { SampleLabel } from '@/components/SampleLabel';
import { SectionKicker } from '@/components/SectionKicker';
import { SourceAttribution } from '@/components/SourceAttribution';
import { Standfirst } from '@/components/Standfirst';
import { getArticle, getAuthors, getPublishedArticles, getSection, getSections } from '@/lib/content/queries';
import { relatedArticles } from '@/lib/content/related';
import { articleBreadcrumbs, breadcrumbJsonLd, newsArticleJsonLd } from '@/lib/seo/jsonld';
import { articleMetadata } from '@/lib/seo/metadata';

// ISR window in seconds (docs/architecture/0003-isr-windows.md). Must be a literal for Next.
export const revalidate = 30;
// Stories added after the build render on their first request, then are cached like the rest.
export const dynamicParams = true;

type Props = { params: Promise<{ slug: string }> };

export async function generateStaticParams() {
  return (await getPublishedArticles()).map((a) => ({ slug: a.slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticle((await params).slug);
  if (!article) return {};
  const [authors, section] = await Promise.all([getAuthors(article.authors), getSection(article.section)]);
  return articleMetadata(article, authors, section);
}

export default async function ArticlePage({ params }: Props) {
  const article = await getArticle((await params).slug);
  if (!article) notFound();
  const [authors, sections, published] = await Promise.all([
    getAuthors(article.authors),
    getSections(),
    getPublishedArticles(),
  ]);
  const section = sections.find((s) => s.id === article.section);
  const related = relatedArticles(article, published, 5);
  const structured = newsArticleJsonLd({ article, authors, section });

  return (
    <div className="mx-auto max-w-3xl">
      {structured ? <JsonLd data={structured} /> : null}
      <JsonLd data={breadcrumbJsonLd(articleBreadcrumbs(article, section))} />
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
