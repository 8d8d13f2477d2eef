/** The story's headline: the page's only h1. */
export function StoryHeadline({ children }: { children: string }) {
  return <h1 className="font-serif text-[2rem] leading-[1.15] font-bold tracking-tight text-ink text-balance sm:text-5xl">{children}</h1>;
}
