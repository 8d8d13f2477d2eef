import { StoryLength } from '../../story-length';

// The floor for an uncached story render: an ISR route like the site's /articles/[slug], none
// prerendered, so every new slug is rendered on request and then cached (bench/scale.ts).
export const revalidate = 30;
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
}

export default async function Page({ params }) {
  const { slug } = await params;
  return <StoryLength title={slug} />;
}
