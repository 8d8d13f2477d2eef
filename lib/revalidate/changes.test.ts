import { describe, expect, it } from 'vitest';
import { classifyFiles, filesOfPush, githubPushSchema } from './changes';

describe('classifyFiles', () => {
  it('reads story, author and section files, with or without the content/ prefix', () => {
    expect(
      classifyFiles([
        'content/articles/harbour-plan.mdx',
        'articles/other-story.mdx',
        './content/authors/ana-ruiz.yaml',
        'authors/ben-ode.yml',
        'content/sections.yaml',
        'content/articles/harbour-plan.mdx',
      ]),
    ).toEqual({
      changes: [
        { kind: 'story', slug: 'harbour-plan' },
        { kind: 'story', slug: 'other-story' },
        { kind: 'author', id: 'ana-ruiz' },
        { kind: 'author', id: 'ben-ode' },
        { kind: 'sections' },
      ],
      ignored: [],
    });
  });

  it('ignores everything else, including invalid slugs and nested folders', () => {
    expect(
      classifyFiles(['README.md', 'public/images/x.jpg', 'content/articles/Bad Slug.mdx', 'content/articles/a/b.mdx', 'lib/x.ts']).changes,
    ).toEqual([]);
  });
});

describe('filesOfPush', () => {
  it('collects added, modified and removed files of every commit, once each', () => {
    const push = githubPushSchema.parse({
      ref: 'refs/heads/main',
      commits: [
        { id: 'a', added: ['content/articles/new.mdx'], modified: ['content/articles/old.mdx'], removed: [] },
        { id: 'b', added: [], modified: ['content/articles/old.mdx'], removed: ['content/articles/gone.mdx'] },
      ],
      head_commit: { id: 'b' },
    });
    expect(filesOfPush(push)).toEqual(['content/articles/new.mdx', 'content/articles/old.mdx', 'content/articles/gone.mdx']);
  });
});
