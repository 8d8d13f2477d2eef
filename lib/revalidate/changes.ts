import { z } from 'zod';
import type { ContentChange } from '@/lib/content/index/runtime';
import { isValidSlug } from '@/lib/content/slug';

const fileList = z.array(z.string().min(1).max(1000)).max(10_000);

/** `Authorization: Bearer` requests: `{ "files": ["content/articles/x.mdx", ...] }`. */
export const filesBodySchema = z.strictObject({ files: fileList });

/** The part of GitHub's push event we read: which files each pushed commit touched. */
export const githubPushSchema = z.object({
  commits: z
    .array(
      z.object({
        added: fileList.default([]),
        removed: fileList.default([]),
        modified: fileList.default([]),
      }),
    )
    .default([]),
});

export function filesOfPush(push: z.infer<typeof githubPushSchema>): string[] {
  return [...new Set(push.commits.flatMap((c) => [...c.added, ...c.modified, ...c.removed]))];
}

/**
 * Which content files the paths name (stories, live updates, authors, sections). Paths are relative
 * to the repository: `content/articles/x.mdx`
 * when content lives in the site's repository, `articles/x.mdx` when it is a repository of its own.
 */
export function classifyFiles(files: readonly string[]): { changes: ContentChange[]; ignored: string[] } {
  const changes = new Map<string, ContentChange>();
  const ignored: string[] = [];
  for (const file of files) {
    const relative = file.replace(/^\.\//, '').replace(/^content\//, '');
    const story = /^articles\/([^/]+)\.mdx$/.exec(relative);
    const author = /^authors\/([^/]+)\.ya?ml$/.exec(relative);
    const update = /^live\/([^/]+)\/([^/]+)\.mdx$/.exec(relative);
    if (story && isValidSlug(story[1]!)) changes.set(`a:${story[1]}`, { kind: 'story', slug: story[1]! });
    else if (update && isValidSlug(update[1]!) && isValidSlug(update[2]!))
      changes.set(`u:${update[1]}/${update[2]}`, { kind: 'update', story: update[1]!, id: update[2]! });
    else if (author && isValidSlug(author[1]!)) changes.set(`p:${author[1]}`, { kind: 'author', id: author[1]! });
    else if (relative === 'sections.yaml') changes.set('sections', { kind: 'sections' });
    else ignored.push(file);
  }
  return { changes: [...changes.values()], ignored };
}
