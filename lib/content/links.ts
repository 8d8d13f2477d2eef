import 'server-only';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { formatDateTime } from '@/lib/format/display-dates';
import { siteUrl } from '@/lib/site';
import { FIXED_PATHS, paths } from '@/lib/urls';
import type { Story } from './schema';

/** What a link in a story can point to on this site. */
export type LinkTargets = {
  /** Every story file by slug; undefined when the file has errors (the link is fine, the file is not). */
  stories: Lookup<string, Pick<Story, 'draft' | 'publishedAt'> | undefined>;
  authors: Pick<ReadonlySet<string>, 'has'>;
  sections: Pick<ReadonlySet<string>, 'has'>;
  /** Tag URL segments (slugified) used by at least one story. */
  tags: Pick<ReadonlySet<string>, 'has'>;
  publicDir: string;
};

/** What checking reads of a map: a Map does, and so does a lookup in the content index. */
export type Lookup<K, V> = Pick<ReadonlyMap<K, V>, 'has' | 'get'>;

/** Pages that exist whatever the content: search, feeds and sitemaps. */
export const FIXED_ROUTES: ReadonlySet<string> = new Set(FIXED_PATHS);

export type LinkProblem = { severity: 'error' | 'warning'; message: string };

/** The one segment a path adds to `prefix` (`/articles/x` after `/articles/`), if that is all it adds. */
function segmentAfter(pathname: string, prefix: string): string | undefined {
  const rest = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : '';
  return rest && !rest.includes('/') ? rest : undefined;
}

// A story's, an author's and a tag's addresses with the name left out: what comes after is the name.
const STORY_PREFIX = paths.story('');
const LIVE_PREFIX = paths.live('');
const AUTHOR_PREFIX = paths.author('');
const TAG_PREFIX = paths.tag('');

/**
 * Whether a link in a story resolves. External links are not fetched; links on this site (a path
 * starting with "/", or a full address on SITE_URL) must name a story, author, section, tag, one
 * of the fixed pages, or a file under public/.
 */
export function checkLink(url: string, from: Pick<Story, 'publishedAt'>, targets: LinkTargets): LinkProblem | undefined {
  if (url.startsWith('#')) return undefined;
  let pathname: string;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//')) {
    let parsed: URL;
    try {
      parsed = new URL(url, siteUrl());
    } catch {
      return { severity: 'error', message: `expected a valid address, got ${JSON.stringify(url)}` };
    }
    if (parsed.origin !== new URL(siteUrl()).origin) return undefined; // another site: not checked
    pathname = parsed.pathname;
  } else if (url.startsWith('/')) {
    pathname = url.split(/[?#]/)[0]!;
  } else {
    return {
      severity: 'error',
      message: `expected a link starting with "/" (e.g. /articles/other-story) or a full address starting with https://, got ${JSON.stringify(url)}`,
    };
  }
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { severity: 'error', message: `expected a valid address, got ${JSON.stringify(url)}` };
  }
  const clean = decoded.length > 1 ? decoded.replace(/\/+$/, '') : decoded;
  if (FIXED_ROUTES.has(clean)) return undefined;
  const missing = (what: string) => ({ severity: 'error' as const, message: `expected a link to ${what}, got ${JSON.stringify(url)}` });

  // A live story's page (ADR 0011): its first page, as the story it is.
  const slug = segmentAfter(clean, STORY_PREFIX) ?? segmentAfter(clean, LIVE_PREFIX);
  if (slug) {
    if (!targets.stories.has(slug)) return missing(`an existing story (no content/articles/${slug}.mdx)`);
    const target = targets.stories.get(slug);
    if (target?.draft) {
      return { severity: 'warning', message: `links to a draft, which readers cannot open until it is published: ${url}` };
    }
    if (target && Date.parse(target.publishedAt) > Date.parse(from.publishedAt)) {
      return {
        severity: 'warning',
        message: `links to a story scheduled for ${formatDateTime(target.publishedAt)}, after this one is published: ${url}`,
      };
    }
    return undefined;
  }
  const author = segmentAfter(clean, AUTHOR_PREFIX);
  if (author) return targets.authors.has(author) ? undefined : missing(`an author in content/authors/ (no ${author}.yaml)`);
  const tag = segmentAfter(clean, TAG_PREFIX);
  if (tag) return targets.tags.has(tag) ? undefined : missing(`a tag used by at least one story (none is tagged "${tag}")`);
  const first = clean.split('/')[1];
  if (first && targets.sections.has(first) && (clean === paths.section(first) || clean === paths.feed('rss', first))) {
    return undefined;
  }
  if (publicFileExists(targets.publicDir, clean)) return undefined;
  return missing('a story, author, section, tag or file on this site');
}

/** Whether `/images/x.jpg` is a file under public/ (and really inside it). */
export function publicFileExists(dir: string, urlPath: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  } catch {
    return false;
  }
  // The public directory is chosen at run time; tell Turbopack not to trace the whole project.
  const file = path.resolve(/*turbopackIgnore: true*/ dir, `.${decoded}`);
  if (!file.startsWith(path.resolve(/*turbopackIgnore: true*/ dir) + path.sep)) return false;
  return existsSync(/*turbopackIgnore: true*/ file) && statSync(/*turbopackIgnore: true*/ file).isFile();
}
