import { StoryLength } from '../story-length';

export const revalidate = 30;

// A bare page carrying as much text as a story, rendered at build.
export default function Page() {
  return <StoryLength title="A bare Next.js page as long as a story" />;
}
