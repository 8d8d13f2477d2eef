import type { Metadata } from 'next';
import { JsonLd } from '@/components/JsonLd';
import { StoryCard } from '@/components/StoryCard';
import { StoryList } from '@/components/StoryList';
import { getPublishedArticles, getSections } from '@/lib/content/queries';
import { frontPageJsonLd } from '@/lib/seo/jsonld';
import { pageMetadata } from '@/lib/seo/metadata';
import { site } from '@/lib/site';

export const revalidate = 30;

export const metadata: Metadata = pageMetadata({
  title: { absolute: `${site.name}: world news, politics, business and science` },
  description: site.description,
  path: '/',
});

export default async function FrontPage() {
  const [articles, sections] = await Promise.all([getPublishedArticles(), getSections()]);
  const sectionOf = (id: string) => sections.find((s) => s.id === id);
  const [lead, ...rest] = articles;
  const top = rest.slice(0, 4);
  const latest = rest.slice(4);

  return (
    <>
      <JsonLd data={frontPageJsonLd()} />
      <h1 className="sr-only">{site.name}: the latest stories</h1>
      {lead ? (
        <section aria-label="Top stories" className="grid gap-8 lg:grid-cols-[3fr_2fr]">
          <StoryCard article={lead} section={sectionOf(lead.section)} variant="lead" headingLevel="h2" />
          <ul className="grid content-start gap-6 divide-rule border-rule lg:border-l lg:pl-8">
            {top.map((article) => (
              <li key={article.slug} className="border-b border-rule pb-5 last:border-b-0">
                <StoryCard article={article} section={sectionOf(article.section)} variant="compact" />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="font-sans text-muted">No stories have been published yet.</p>
      )}
      {latest.length ? <StoryList title="Latest" articles={latest} sections={sections} /> : null}
    </>
  );
}
