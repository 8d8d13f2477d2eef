import { describe, expect, it } from 'vitest';
import { fixtureStory } from '@/lib/content/test-fixtures';
import { compileBodyCode } from '@/lib/mdx/compile';
import { storyHtml } from './FeedStoryHtml';

/** What feed-response.ts does: the body as the content index compiled it. */
async function feedHtml(story: ReturnType<typeof fixtureStory>, body: string) {
  return storyHtml(story, (await compileBodyCode(body)).code);
}

describe('storyHtml', () => {
  it('renders the MDX body to plain HTML with absolute links and image URLs', async () => {
    const html = await feedHtml(
      fixtureStory({
        slug: 'rich',
        image: { src: '/images/lead.jpg', alt: 'Lead picture', caption: 'The lead.', credit: 'Photo: Ana', width: 1600, height: 900 },
        source: { name: 'Donga', url: 'https://donga.example/story' },
      }),
      [
        'The council said “yes” & the *crowd* cheered. See [the vote](/articles/vote) and [elsewhere](https://example.org/x).',
        '',
        '<PullQuote cite="Ada Keane">We waited ten years.</PullQuote>',
        '',
        '<Figure src="/images/bridge.jpg" alt="The bridge" width={1600} height={900} caption="At dusk." credit="Photo: Bo" />',
        '',
        '| a | b |',
        '| - | - |',
        '| 1 | 2 |',
      ].join('\n'),
    );
    expect(html).toMatch(
      /^<figure><img src="http:\/\/localhost:3000\/images\/lead.jpg" alt="Lead picture" loading="lazy" width="1600" height="900"\/><figcaption>The lead\. <small>Photo: Ana<\/small><\/figcaption><\/figure>/,
    );
    expect(html).toContain('The council said “yes” &amp; the <em>crowd</em> cheered.');
    expect(html).toContain('<a href="http://localhost:3000/articles/vote">the vote</a>');
    expect(html).toContain('<a href="https://example.org/x">elsewhere</a>');
    expect(html).toContain('<blockquote>We waited ten years.<p>— Ada Keane</p></blockquote>');
    expect(html).toContain(
      '<img src="http://localhost:3000/images/bridge.jpg" alt="The bridge" loading="lazy" width="1600" height="900"/>',
    );
    expect(html).toContain('<table>');
    expect(html).toMatch(/<p>Source: <a href="https:\/\/donga.example\/story">Donga<\/a><\/p>$/);
    // Nothing from the page runtime: no optimizer URLs, no relative site paths.
    expect(html).not.toContain('/_next/');
    expect(html).not.toContain('<link');
    expect(html).not.toMatch(/(src|href)="\//);
  });
});
