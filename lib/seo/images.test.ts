import { describe, expect, it } from 'vitest';
import { renditionSet } from '@/lib/media/rendition-set';
import { shareCrops, storyImageUrls } from './images';

const picture = { key: '0123456789abcdef', width: 2400, height: 1350 };

describe('share crops', () => {
  it('names the 16:9, 4:3 and 1:1 JPEG renditions, 1200 px wide, with their real sizes', () => {
    expect(shareCrops(picture).map(({ url, width, height }) => [new URL(url).pathname, width, height])).toEqual([
      ['/media/0123456789abcdef/16x9-1200.jpg', 1200, 675],
      ['/media/0123456789abcdef/4x3-1200.jpg', 1200, 900],
      ['/media/0123456789abcdef/1x1-1200.jpg', 1200, 1200],
    ]);
  });

  it('never names a rendition wider than its crop, and only renditions that are made', () => {
    const small = { key: picture.key, width: 1000, height: 800 };
    const made = new Set(renditionSet(small).map((r) => `${r.ratio}-${r.width}.${r.format}`));
    for (const crop of shareCrops(small)) {
      expect(crop.width).toBeLessThanOrEqual(1000);
      expect(made.has(new URL(crop.url).pathname.split('/').pop()!)).toBe(true);
    }
  });

  it('falls back to the original, or the generated card, without renditions', () => {
    const image = { src: '/images/a.jpg', alt: 'a', width: 10, height: 10 };
    expect(storyImageUrls({ slug: 's', image }).map((u) => new URL(u).pathname)).toEqual(['/images/a.jpg']);
    expect(storyImageUrls({ slug: 's' }).map((u) => new URL(u).pathname)).toEqual(['/articles/s/opengraph-image/card']);
    expect(storyImageUrls({ slug: 's', image }, picture)).toHaveLength(3);
  });
});
