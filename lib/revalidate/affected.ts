import { FEED_FORMATS, paths, ROUTE_PATTERNS, SITE_FEEDS, SITEMAPS } from '@/lib/urls';
import type { ContentChange } from '@/lib/content/index/runtime';
import type { ListingKind } from '@/lib/content/queries';

// The site's feeds and sitemaps (SITE_FEEDS, SITEMAPS, the sitemap's parts) list every public
// story; a section's feeds, in every format, list its own.
const sectionFeeds = (id: string) => FEED_FORMATS.map((format) => paths.feed(format, id));

/** Every story page at once (revalidatePath with type 'page'), used when too many stories are related. */
export const STORY_ROUTE = ROUTE_PATTERNS.story;
const RELATED_LIMIT = 200;
/** Past this many later pages, a listing's pages are revalidated as one route pattern. */
const LATER_PAGES_LIMIT = 50;

/** The first page of each kind of listing. */
const LISTING_FIRST: Record<ListingKind, (key: string) => string> = { section: paths.section, tag: paths.tag, author: paths.author };
/** The route pattern of each kind of listing's later pages. */
export const LATER_PAGE_ROUTES: Record<ListingKind, string> = {
  section: ROUTE_PATTERNS.sectionLaterPages,
  tag: ROUTE_PATTERNS.tagLaterPages,
  author: ROUTE_PATTERNS.authorLaterPages,
};

export type RevalidationPlan = {
  /** Literal paths, plus STORY_ROUTE when every story page is affected. */
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
  /** How many pages a listing has now. */
  listingPages(kind: ListingKind, key: string): number;
  /** How many parts the split sitemap has now (0 when it is one file). */
  sitemapParts(): number;
  /** How many pages a public live story's updates fill now; 0 when it is not public or not live (ADR 0011). */
  livePages(slug: string): number;
};

type PlanInput = { changes: readonly ContentChange[]; index: RevalidationIndex };

type Refs = { sections: Set<string>; tags: Set<string>; authors: Set<string> };

/**
 * Maps changed content files to the pages that show them: the story, its section and tag fronts,
 * its authors' pages, the front page, feeds, sitemaps, and the stories that could list it as
 * related (those sharing its section or a tag: lib/content/related-ranking.ts ranks by exactly these).
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
    // One more than there are now: a month that emptied leaves its old last part to refresh (to 404).
    for (let n = 1; n <= index.sitemapParts() + 1; n++) out.add(paths.sitemapPart(n));
  };

  // A story added or gone shifts every later page of each listing it is in; one page more than
  // there are now, as a removal may have emptied the last.
  const listing = (kind: ListingKind, key: string) => {
    const first = LISTING_FIRST[kind](key);
    out.add(first);
    const pages = index.listingPages(kind, key) + 1;
    if (pages - 1 > LATER_PAGES_LIMIT) out.add(LATER_PAGE_ROUTES[kind]);
    else for (let n = 2; n <= pages; n++) out.add(paths.listingPage(first, n));
  };

  // A live story's pages, one more than there are now (an update gone may have emptied the last).
  const livePages = (slug: string) => {
    const pages = index.livePages(slug);
    if (pages === 0) return false;
    for (let n = 1; n <= pages + 1; n++) out.add(paths.livePage(slug, n));
    out.add(paths.liveUpdatesJson(slug));
    FEED_FORMATS.forEach((format) => out.add(paths.liveFeed(format, slug)));
    return true;
  };

  // An update shows on its story's live pages, and as "Live" news on the first page of each listing
  // of the story; not on related stories' pages, which a push every few seconds must not touch.
  const updateChanged = (slug: string) => {
    const refs = index.publicStory(slug);
    if (!refs || !livePages(slug)) return;
    out.add(paths.front());
    refs.sections.forEach((id) => out.add(paths.section(id)));
    refs.tags.forEach((tag) => out.add(paths.tag(tag)));
    refs.authors.forEach((id) => out.add(paths.author(id)));
  };

  const storyChanged = (slug: string) => {
    changedSlugs.add(slug);
    livePages(slug);
    const broken = index.isBroken(slug);
    const refs = mergeRefs(index.listedUnder(slug), index.publicStory(slug));
    const deleted = !index.isKnown(slug);
    // A story readers never saw (a draft, or scheduled) changes no page; a deleted one we know
    // nothing about still leaves its own page and the site lists.
    if (!refs && !deleted) return;
    if (broken) kept.add(slug);
    else out.add(paths.story(slug));
    siteLists();
    if (!refs) return;
    refs.sections.forEach((id) => {
      listing('section', id);
      sectionFeeds(id).forEach((p) => out.add(p));
      relatedTo.sections.add(id);
    });
    refs.tags.forEach((tag) => {
      listing('tag', tag);
      relatedTo.tags.add(tag);
    });
    refs.authors.forEach((id) => listing('author', id));
  };

  for (const change of changes) {
    if (change.kind === 'story') storyChanged(change.slug);
    else if (change.kind === 'update') updateChanged(change.story);
    else if (change.kind === 'sections') everything = true;
    else {
      // Bylines and bios show on the author's page, their stories and in feeds.
      out.add(paths.author(change.id));
      SITE_FEEDS.forEach((p) => out.add(p));
      const theirs = index.storiesBy(change.id, RELATED_LIMIT + 1);
      if (theirs.length > RELATED_LIMIT) out.add(STORY_ROUTE);
      for (const slug of theirs.slice(0, RELATED_LIMIT)) {
        const story = index.publicStory(slug);
        if (!story) continue;
        out.add(paths.story(slug));
        story.sections.forEach((id) => sectionFeeds(id).forEach((p) => out.add(p)));
      }
    }
  }

  if (relatedTo.sections.size || relatedTo.tags.size) {
    const related = index
      .storiesSharing({ sections: [...relatedTo.sections], tags: [...relatedTo.tags] }, RELATED_LIMIT + changedSlugs.size + 1)
      .filter((slug) => !changedSlugs.has(slug));
    if (related.length > RELATED_LIMIT) out.add(STORY_ROUTE);
    else related.forEach((slug) => out.add(paths.story(slug)));
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
