import { describe, expect, it } from 'vitest';
import { checkStorySource } from '@/lib/content/check';
import { withFreshIndex } from '@/lib/content/index/reconcile';
import { newStoryTemplate } from './template';

describe('newStoryTemplate', () => {
  it('passes the content check as a draft against the site’s real content', async () => {
    const source = newStoryTemplate({ section: 'world', author: 'mark-jones', now: new Date('2024-06-01T12:34:56Z') });
    expect(source).toContain('publishedAt: 2024-06-01T12:34:00+00:00');
    expect(await withFreshIndex('content', (db) => checkStorySource('content/articles/new-story.mdx', source, db, 'public'))).toEqual([]);
  });
});
