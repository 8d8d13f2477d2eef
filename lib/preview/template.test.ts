import { describe, expect, it } from 'vitest';
import { checkStorySource, checkUpdateSource } from '@/lib/content/check';
import { withFreshIndex } from '@/lib/content/index/reconcile';
import { newStoryTemplate, newUpdateTemplate } from './template';

describe('newStoryTemplate', () => {
  it('passes the content check as a draft against the site’s real content', async () => {
    const source = newStoryTemplate({ section: 'world', author: 'mark-jones', now: new Date('2024-06-01T12:34:56Z') });
    expect(source).toContain('publishedAt: 2024-06-01T12:34:00+00:00');
    expect(await withFreshIndex('content', (db) => checkStorySource('content/articles/new-story.mdx', source, db, 'public'))).toEqual([]);
  });
});

describe('newUpdateTemplate', () => {
  const source = newUpdateTemplate({ now: new Date('2024-06-01T12:34:56Z') });
  const check = (file: string, text: string) => withFreshIndex('content', (db) => checkUpdateSource(file, text, db, 'public'));

  it('passes the content check as an update of the sample live story', async () => {
    expect(source).toContain('time: 2024-06-01T12:34:00+00:00');
    expect(await check('content/live/storm-halvard-live/new-update.mdx', source)).toEqual([]);
  });

  it('turns an option on by deleting its "#", and the check sees it', async () => {
    const text = source.replace('# authors: [id]', 'authors: [no-such-author]');
    const problems = await check('content/live/storm-halvard-live/new-update.mdx', text);
    expect(problems.map((p) => [p.line, p.field, p.rule])).toEqual([[6, 'authors.0', 'update.author-exists']]);
  });

  it('names a folder without a live story, links that do not resolve, and unsafe MDX, by line', async () => {
    const text = `${source}\n[gone](/articles/no-such-story)\n\n{1 + 1}\n`;
    const problems = await check('content/live/putin-lukashenko-summit-novo-ogaryovo/x.mdx', text);
    expect(problems.map((p) => [p.rule, p.line])).toEqual([
      ['site.update-story', 1],
      ['site.link-resolves', 11],
      ['update.body', 13],
    ]);
    expect(problems[0]!.message).toContain('expected live: front matter');
  });
});
