import type { Article } from '@/lib/content/schema';
import type { ArticleRefs, ContentIndex } from '@/lib/content/store';
import { isPublic } from '@/lib/content/visibility';
import { paths } from '@/lib/urls';
import type { ContentChange } from './changes';

/** Feeds and sitemaps list every public story. */
export const SITE_FEEDS = ['/feed.xml', '/atom.xml', '/feed.json'] as const;
export const SITEMAPS = ['/sitemap.xml', '/news-sitemap.xml'] as const;
export const sectionFeed = (id: string) => `${paths.section(id)}/feed.xml`;

/** Every article page at once (revalidatePath with type 'page'), used when too many stories are related. */
export const ARTICLE_ROUTE = '/articles/[slug]';
const RELATED_LIMIT = 200;

export type RevalidationPlan = {
  /** Literal paths, plus ARTICLE_ROUTE when every article page is affected. */
  paths: string[];
  /** The section list changed: it is in every page's navigation, so every page. */
  everything: boolean;
  /** Public stories whose files now have errors: their pages are left alone so the last good version stays. */
  kept: string[];
};

type PlanInput = {
  changes: readonly ContentChange[];
  /** The index after the change. */
  index: Pick<ContentIndex, 'articles' | 'broken'>;
  /** Where each slug was listed while public (lib/content/store.ts articleHistory). */
  history: ReadonlyMap<string, ArticleRefs>;
  now?: number;
};

type Refs = { sections: Set<string>; tags: Set<string>; authors: Set<string> };

/**
 * Maps changed content files to the pages that show them: the story, its section and tag fronts,
 * its authors' pages, the front page, feeds, sitemaps, and the stories that could list it as
 * related (those sharing its section or a tag: lib/content/related.ts ranks by exactly these).
 * Old and new versions both count, so a story that moved section or lost a tag leaves the old
 * pages too, and a deleted story is found through what the index knew of it.
 */
export function planRevalidation({ changes, index, history, now = Date.now() }: PlanInput): RevalidationPlan {
  const out = new Set<string>();
  const kept = new Set<string>();
  const relatedTo: Refs = { sections: new Set(), tags: new Set(), authors: new Set() };
  const changedSlugs = new Set<string>();
  let everything = false;

  const publicNow = index.articles.filter((a) => isPublic(a, now));
  const publicBySlug = new Map(publicNow.map((a) => [a.slug, a]));
  const known = new Set(index.articles.map((a) => a.slug));

  const siteLists = () => {
    out.add(paths.front());
    SITE_FEEDS.forEach((p) => out.add(p));
    SITEMAPS.forEach((p) => out.add(p));
  };

  const storyChanged = (slug: string) => {
    changedSlugs.add(slug);
    const broken = index.broken.get(slug);
    const refs = mergeRefs(
      history.get(slug),
      publicBySlug.get(slug),
      broken?.article && isPublic(broken.article, now) ? broken.article : undefined,
    );
    const deleted = !known.has(slug) && !broken;
    // A story readers never saw (a draft, or scheduled) changes no page; a deleted one we know
    // nothing about (the server restarted since) still leaves its own page and the site lists.
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
      relatedTo.tags.add(tag.toLowerCase());
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
      const theirs = new Set<string>();
      publicNow.filter((a) => a.authors.includes(change.id)).forEach((a) => theirs.add(a.slug));
      for (const [slug, refs] of history) if (refs.authors.includes(change.id)) theirs.add(slug);
      for (const slug of theirs) {
        const article = publicBySlug.get(slug);
        if (article) {
          out.add(paths.article(slug));
          out.add(sectionFeed(article.section));
        } else {
          storyChanged(slug); // no longer public (e.g. its author file was removed): it leaves the lists
        }
      }
    }
  }

  const related = publicNow.filter(
    (a) =>
      !changedSlugs.has(a.slug) &&
      (relatedTo.sections.has(a.section) || a.tags.some((t) => relatedTo.tags.has(t.toLowerCase()))),
  );
  if (related.length > RELATED_LIMIT) out.add(ARTICLE_ROUTE);
  else related.forEach((a) => out.add(paths.article(a.slug)));

  return { paths: [...out].sort(), everything, kept: [...kept].sort() };
}

function mergeRefs(...sources: (ArticleRefs | Article | undefined)[]): Refs | undefined {
  let refs: Refs | undefined;
  for (const source of sources) {
    if (!source) continue;
    refs ??= { sections: new Set(), tags: new Set(), authors: new Set() };
    if ('slug' in source) {
      refs.sections.add(source.section);
      source.tags.forEach((t) => refs!.tags.add(t));
      source.authors.forEach((a) => refs!.authors.add(a));
    } else {
      source.sections.forEach((s) => refs!.sections.add(s));
      source.tags.forEach((t) => refs!.tags.add(t));
      source.authors.forEach((a) => refs!.authors.add(a));
    }
  }
  return refs;
}
