import { bodyComponents } from '@/components/body/bodyComponents';
import { compileBody } from '@/lib/mdx/compile';

/** The story text: MDX compiled on the server and rendered with the body components map. */
export async function ArticleBody({ source }: { source: string }) {
  const { Content } = await compileBody(source);
  return (
    <div className="article-body prose prose-lg max-w-none font-serif prose-headings:font-serif prose-a:text-link prose-a:underline-offset-2">
      <Content components={bodyComponents} />
    </div>
  );
}
