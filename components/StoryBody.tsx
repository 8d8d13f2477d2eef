import { storyBodyComponents } from '@/components/body/storyBodyComponents';
import { runBodyCode } from '@/lib/mdx/run-body';

/**
 * The story text: the body as the content index compiled it when it was checked (no compiling on
 * a reader's request), rendered on the server with the story pages' body components map (figures from the
 * index's renditions).
 */
export async function StoryBody({ code }: { code: string }) {
  const Content = await runBodyCode(code);
  return (
    <div className="article-body">
      <Content components={storyBodyComponents} />
    </div>
  );
}
