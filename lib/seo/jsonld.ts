import type {
  BreadcrumbList,
  Graph,
  ImageObject,
  LiveBlogPosting,
  NewsArticle,
  NewsMediaOrganization,
  Person,
  ProfilePage,
  WebSite,
  WithContext,
} from 'schema-dts';
import { lastModifiedAt } from '@/lib/content/last-modified';
import { websiteSearchAction } from '@/lib/search/search-action';
import type { Story, Author, Section, LiveUpdate } from '@/lib/content/schema';
import { absoluteUrl, site } from '@/lib/site';
import { paths } from '@/lib/urls';
import { storyUrl, canonicalUrlOf } from './canonical';
import type { PictureAddress } from '@/lib/media/picture-markup';
import { shareCrops, storyImageUrls } from './images';

/** The publisher logo (public/logo.png, drawn by scripts/make-logo.mjs). */
export const LOGO = { path: '/logo.png', width: 512, height: 512 } as const;

const ORGANIZATION_ID = '/#organization';
const WEBSITE_ID = '/#website';

/** Sizes in pixels as schema.org expects them (a QuantitativeValue; E37 is UN/CEFACT's code for pixel). */
function pixels(value: number) {
  return { '@type': 'QuantitativeValue', value, unitCode: 'E37' } as const;
}

function logo(): ImageObject {
  return { '@type': 'ImageObject', url: absoluteUrl(LOGO.path), width: pixels(LOGO.width), height: pixels(LOGO.height) };
}

/** The publication as a news organisation: name, home page and logo. */
export function organization(): Exclude<NewsMediaOrganization, string> {
  return {
    '@type': 'NewsMediaOrganization',
    '@id': absoluteUrl(ORGANIZATION_ID),
    name: site.name,
    url: absoluteUrl(paths.front()),
    logo: logo(),
  };
}

/** An author as a Person: the name alone in `name` (Google's rule), and the author page as `url`. */
export function personOf(author: Pick<Author, 'id' | 'name'>): Exclude<Person, string> {
  return { '@type': 'Person', name: author.name, url: absoluteUrl(paths.author(author.id)) };
}

export type NewsArticleInput = {
  story: Story;
  /** The story's authors, in byline order. */
  authors: readonly Author[];
  section?: Section;
  /** The story's picture as the index made it (lib/content/pictures.ts): its share crops are the structured data's images. */
  picture?: PictureAddress;
};

/**
 * A story's picture for search engines, as each of its share crops with its size, caption, credit
 * and licence details (Google's image licence metadata), or the generated card when it has none.
 */
function storyImagesOf(story: Pick<Story, 'slug' | 'image'>, picture?: PictureAddress): (ImageObject | string)[] {
  const { image } = story;
  if (!image || !picture) return storyImageUrls(story, picture);
  const about = {
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { creditText: image.credit } : {}),
    ...(image.copyrightNotice ? { copyrightNotice: image.copyrightNotice } : {}),
    ...(image.license ? { license: image.license } : {}),
    ...(image.acquireLicensePage ? { acquireLicensePage: image.acquireLicensePage } : {}),
  };
  return shareCrops(picture).map(({ url, width, height }) => ({
    '@type': 'ImageObject',
    url,
    contentUrl: url,
    width: pixels(width),
    height: pixels(height),
    ...about,
  }));
}

/**
 * The NewsArticle for a story page. Dates are the front matter's own ISO strings, which always
 * carry an offset (the schema refuses any without). Syndicated copy with a canonicalUrl points
 * `mainEntityOfPage` and `url` at the original. Only for a public story: the story page leaves it
 * out in preview of a draft or a scheduled story (lib/content/queries.ts says which is public).
 */
export function newsArticleJsonLd({ story, authors, section, picture }: NewsArticleInput): WithContext<NewsArticle> {
  const canonical = canonicalUrlOf(story);
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.title,
    description: story.dek,
    image: storyImagesOf(story, picture),
    datePublished: story.publishedAt,
    dateModified: lastModifiedAt(story),
    author: authors.map(personOf),
    publisher: organization(),
    mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
    url: canonical,
    ...(section ? { articleSection: section.name } : {}),
    keywords: [...story.tags],
    inLanguage: site.language,
    isAccessibleForFree: true,
    wordCount: story.wordCount,
    ...(story.dateline ? { dateline: story.dateline } : {}),
    ...(story.canonicalUrl ? { isBasedOn: story.canonicalUrl } : {}),
  };
}

export type LiveBlogInput = NewsArticleInput & {
  story: Story & { live: NonNullable<Story['live']> };
  /** The updates this page shows, in its order. */
  updates: readonly { update: Pick<LiveUpdate, 'id' | 'title' | 'time' | 'text' | 'corrections'> }[];
  /** The newest visible update's time, on whichever page it is. */
  newestTime?: string;
};

/**
 * A live page as LiveBlogPosting (Google's live badge): the story's fields, the coverage's start
 * and end, and the page's updates as BlogPosting, each with its permalink. dateModified is the
 * newest update, or the story's own last change when that is later.
 */
export function liveBlogPostingJsonLd({
  story,
  authors,
  section,
  picture,
  updates,
  newestTime,
}: LiveBlogInput): WithContext<LiveBlogPosting> {
  const article = newsArticleJsonLd({ story, authors, section, picture });
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    headline: article.headline,
    description: article.description,
    image: article.image,
    datePublished: story.publishedAt,
    dateModified: lastModifiedAt(story, newestTime),
    author: article.author,
    publisher: article.publisher,
    mainEntityOfPage: article.mainEntityOfPage,
    url: article.url,
    ...(section ? { articleSection: section.name } : {}),
    keywords: [...story.tags],
    inLanguage: site.language,
    isAccessibleForFree: true,
    ...(story.dateline ? { dateline: story.dateline } : {}),
    coverageStartTime: story.live.coverageStart,
    ...(story.live.coverageEnd ? { coverageEndTime: story.live.coverageEnd } : {}),
    liveBlogUpdate: updates.map(({ update }) => ({
      '@type': 'BlogPosting',
      headline: update.title,
      datePublished: update.time,
      dateModified: lastModifiedAt({ publishedAt: update.time, corrections: update.corrections }),
      url: absoluteUrl(paths.liveUpdate(story.slug, update.id)),
      articleBody: update.text,
    })),
  };
}

export type Crumb = { name: string; url: string };

/** Home > Section > Story, each an absolute URL on this site. */
export function storyBreadcrumbs(story: Story, section?: Section): Crumb[] {
  return [
    { name: site.name, url: absoluteUrl(paths.front()) },
    ...(section ? [{ name: section.name, url: absoluteUrl(paths.section(section.id)) }] : []),
    { name: story.title, url: storyUrl(story) },
  ];
}

export function breadcrumbJsonLd(crumbs: readonly Crumb[]): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  };
}

/** An author page: a ProfilePage about the Person, who works for the publication. */
export function profilePageJsonLd(author: Author, storyCount: number): WithContext<ProfilePage> {
  const url = absoluteUrl(paths.author(author.id));
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url,
    mainEntity: {
      ...personOf(author),
      '@id': `${url}#person`,
      jobTitle: author.role,
      description: author.bio,
      ...(author.avatar ? { image: absoluteUrl(author.avatar.src) } : {}),
      worksFor: { '@type': 'NewsMediaOrganization', '@id': absoluteUrl(ORGANIZATION_ID), name: site.name, url: absoluteUrl(paths.front()) },
      agentInteractionStatistic: {
        '@type': 'InteractionCounter',
        interactionType: { '@type': 'WriteAction' },
        userInteractionCount: storyCount,
      },
    },
  };
}

/** The front page: the WebSite and the organization that publishes it, linked by @id. */
export function frontPageJsonLd(): Graph {
  const website: Exclude<WebSite, string> = {
    '@type': 'WebSite',
    '@id': absoluteUrl(WEBSITE_ID),
    name: site.name,
    url: absoluteUrl(paths.front()),
    description: site.description,
    inLanguage: site.language,
    publisher: { '@id': absoluteUrl(ORGANIZATION_ID) },
    // Tells search engines that /search?q=... searches this site.
    potentialAction: websiteSearchAction(),
  };
  return { '@context': 'https://schema.org', '@graph': [website, organization()] };
}

/**
 * JSON for a `<script type="application/ld+json">`. Every `<` becomes `\u003c` (still the same
 * JSON string), so no text in a story can close the script element or open a comment.
 */
export function serializeJsonLd(data: object): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
