import { describe, expect, it } from 'vitest';
import type { LiveEntry } from '@/lib/content/live';
import { fixtureStory } from '@/lib/content/test-fixtures';
import { renderAtom } from './atom';
import { buildLiveFeed } from './live-feed';
import { renderRss } from './rss';

const story = fixtureStory({
  slug: 'storm-live',
  title: 'Storm: live',
  tags: ['Storms'],
  authors: ['ana-ruiz'],
  live: { status: 'live', coverageStart: '2024-05-01T06:00:00+00:00' },
});
const entry = (id: string, time: string, fields: Partial<LiveEntry['update']> = {}): LiveEntry => ({
  update: {
    story: 'storm-live',
    id,
    file: `content/live/storm-live/${id}.mdx`,
    time,
    title: `Update ${id}`,
    key: false,
    pinned: false,
    text: `Text of ${id}.`,
    ...fields,
  },
  code: id,
});
const authors = new Map([
  ['ana-ruiz', { id: 'ana-ruiz', name: 'Ana Ruiz', role: 'Reporter', bio: 'Reports.', sample: false, file: 'x' }],
  ['ben-ode', { id: 'ben-ode', name: 'Ben Ode', role: 'Reporter', bio: 'Reports.', sample: false, file: 'y' }],
]);

describe('a live story’s feed of its updates', () => {
  it('has one item per update, its permalink as id and link, its own byline or the story’s, and corrections as its update time', async () => {
    const feed = await buildLiveFeed({
      story,
      entries: [
        entry('bridge', '2024-05-01T09:00:00+00:00', {
          authors: ['ben-ode'],
          corrections: [{ date: '2024-05-01T10:00:00+00:00', text: 'Fixed.' }],
        }),
        entry('warning', '2024-05-01T06:00:00+00:00'),
      ],
      authors,
      renderHtml: (e) => Promise.resolve(`<p>${e.code}</p>`),
    });
    expect(feed.title).toBe('Storm: live: live updates');
    expect(feed.urls.rss).toMatch(/\/live\/storm-live\/feed\.xml$/);
    expect(feed.items.map((i) => [i.id.replace(/^.*\/live\//, ''), i.authors.map((a) => a.name), i.updated])).toEqual([
      ['storm-live/update/bridge', ['Ben Ode'], '2024-05-01T10:00:00+00:00'],
      ['storm-live/update/warning', ['Ana Ruiz'], '2024-05-01T06:00:00+00:00'],
    ]);
    expect(feed.updated).toBe('2024-05-01T10:00:00+00:00');
    expect(renderRss(feed)).toContain('<content:encoded>&lt;p&gt;bridge&lt;/p&gt;</content:encoded>');
    expect(renderAtom(feed)).toContain('/live/storm-live/update/warning');
  });
});
