import type { Story } from '@/lib/content/schema';
import { absoluteUrl } from '@/lib/site';
import { paths } from '@/lib/urls';

/** This site's own address for a story (its live page when it has live coverage), whatever its canonical is. */
export function storyUrl(story: Pick<Story, 'slug' | 'live'>): string {
  return absoluteUrl(paths.storyPage(story));
}

/** The story's canonical home: the original for syndicated copy that names one, else our page. */
export function canonicalUrlOf(story: Pick<Story, 'slug' | 'live' | 'canonicalUrl'>): string {
  return story.canonicalUrl ?? storyUrl(story);
}

/**
 * Whether our page is the canonical one. Sitemaps list only canonical URLs, so syndicated copy
 * whose canonical is elsewhere stays out of them (it is still on the site and in feeds).
 */
export function isCanonicalHere(story: Pick<Story, 'canonicalUrl'>): boolean {
  return !story.canonicalUrl;
}
