import { paths, SITE_FEEDS, SITEMAPS } from '@/lib/urls';
import type { ContentChange } from '@/lib/content/index/runtime';

// The site's feeds and sitemaps (SITE_FEEDS, SITEMAPS) list every public story; a section's RSS
// feed lists its own (docs/editing.md; its Atom and JSON feeds refresh in their ISR window).
const sectionFeed = (id: string) => paths.feed('rss', id);

/** Every article page at once (revalidatePath with type 'page'), used when too many stories are related. */
export const ARTICLE_ROUTE = paths.article('[slug]');
const RELATED_LIMIT = 200;

export type RevalidationPlan = {
  /** Literal paths, plus ARTICLE_ROUTE when every article page is affected. */
  paths: string[];
  /** The section list changed: it is in every page's navigation, so every page. */
  everything: boolean;
  /** Public stories whose files now have errors: their pages are left alone so the last good version stays. */
  kept: string[];
};

/** Where a story was listed while public: enough to find its pages after it changes or goes. */
export type StoryRefs = { sections: readonly string[]; tags: readonly string[]; authors: readonly string[] };

/** What planning asks of the content index after the change (lib/content/queries.ts revalidationIndex). */
export type RevalidationIndex = {
  /** The story as readers see it now (its last good version), or undefined when it is not public. */
  publicStory(slug: string): StoryRefs | undefined;
  /** Whether the story's file now has errors. */
  isBroken(slug: string): boolean;
  /** Whether the index knows the story at all: public or not, or a file with errors. */
  isKnown(slug: string): boolean;
  /** Every section, tag and author the story was listed under while public, kept across restarts. */
  listedUnder(slug: string): StoryRefs | undefined;
  /** Slugs of public stories with this byline, at most `limit`. */
  storiesBy(authorId: string, limit: number): string[];
  /** Slugs of public stories in one of these sections or with one of these tags, at most `limit`. */
  storiesSharing(refs: { sections: readonly string[]; tags: readonly string[] }, limit: number): string[];
};

type PlanInput = { changes: readonly ContentChange[]; index: RevalidationIndex };

type Refs = { sections: Set<string>; tags: Set<string>; authors: Set<string> };

/**
 * Maps changed content files to the pages that show them: the story, its section and tag fronts,
 * its authors' pages, the front page, feeds, sitemaps, and the stories that could list it as
 * related (those sharing its section or a tag: lib/content/related.ts ranks by exactly these).
 * Old and new versions both count, so a story that moved section or lost a tag leaves the old
 * pages too, and a deleted story is found through where the index recorded it was listed.
 */
export function planRevalidation({ changes, index }: PlanInput): RevalidationPlan {
  const out = new Set<string>();
  const kept = new Set<string>();
  const relatedTo: Refs = { sections: new Set(), tags: new Set(), authors: new Set() };
  const changedSlugs = new Set<string>();
  let everything = false;

  const siteLists = () => {
    out.add(paths.front());
    SITE_FEEDS.forEach((p) => out.add(p));
    SITEMAPS.forEach((p) => out.add(p));
  };

  const storyChanged = (slug: string) => {
    changedSlugs.add(slug);
    const broken = index.isBroken(slug);
    const refs = mergeRefs(index.listedUnder(slug), index.publicStory(slug));
    const deleted = !index.isKnown(slug);
    // A story readers never saw (a draft, or scheduled) changes no page; a deleted one we know
    // nothing about still leaves its own page and the site lists.
    if (!refs && !deleted) return;
    if (broken) kept.add(slug);
    else out.add(paths.article(slug));
    siteLists();
    if (!refs) return;
    refs.sections.forEach((id) => {
      out.add(paths.section(id));
      out.add(sectionFeed(id));
      relatedTo.sections.add(id);
    });
    refs.tags.forEach((tag) => {
      out.add(paths.tag(tag));
      relatedTo.tags.add(tag);
    });
    refs.authors.forEach((id) => out.add(paths.author(id)));
  };

  for (const change of changes) {
    if (change.kind === 'article') storyChanged(change.slug);
    else if (change.kind === 'sections') everything = true;
    else {
      // Bylines and bios show on the author's page, their stories and in feeds.
      out.add(paths.author(change.id));
      SITE_FEEDS.forEach((p) => out.add(p));
      const theirs = index.storiesBy(change.id, RELATED_LIMIT + 1);
      if (theirs.length > RELATED_LIMIT) out.add(ARTICLE_ROUTE);
      for (const slug of theirs.slice(0, RELATED_LIMIT)) {
        const story = index.publicStory(slug);
        if (!story) continue;
        out.add(paths.article(slug));
        story.sections.forEach((id) => out.add(sectionFeed(id)));
      }
    }
  }

  if (relatedTo.sections.size || relatedTo.tags.size) {
    const related = index
      .storiesSharing({ sections: [...relatedTo.sections], tags: [...relatedTo.tags] }, RELATED_LIMIT + changedSlugs.size + 1)
      .filter((slug) => !changedSlugs.has(slug));
    if (related.length > RELATED_LIMIT) out.add(ARTICLE_ROUTE);
    else related.forEach((slug) => out.add(paths.article(slug)));
  }

  return { paths: [...out].sort(), everything, kept: [...kept].sort() };
}

function mergeRefs(...sources: (StoryRefs | undefined)[]): Refs | undefined {
  let refs: Refs | undefined;
  for (const source of sources) {
    if (!source) continue;
    refs ??= { sections: new Set(), tags: new Set(), authors: new Set() };
    source.sections.forEach((s) => refs!.sections.add(s));
    source.tags.forEach((t) => refs!.tags.add(t));
    source.authors.forEach((a) => refs!.authors.add(a));
  }
  return refs;
}
