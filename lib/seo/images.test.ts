import { describe, expect, it } from 'vitest';
import { cropSource, resolvePublicImage } from './crop';
import { CROP_RATIOS, cropGeometry, isCropRatio, MAX_CROP_WIDTH, storyImageUrls, type CropRatio } from './images';

describe('cropGeometry', () => {
  const cases: [number, number][] = [
    [1600, 900],
    [2400, 1350],
    [1200, 1600],
    [1001, 667],
    [4000, 3000],
    [640, 640],
  ];
  for (const [width, height] of cases) {
    for (const ratio of Object.keys(CROP_RATIOS) as CropRatio[]) {
      it(`${width}x${height} to ${ratio}: an exact, centred box inside the image`, () => {
        const [rw, rh] = CROP_RATIOS[ratio];
        const box = cropGeometry(width, height, ratio);
        expect(box.width * rh).toBe(box.height * rw);
        expect(box.output.width * rh).toBe(box.output.height * rw);
        expect(box.left + box.width).toBeLessThanOrEqual(width);
        expect(box.top + box.height).toBeLessThanOrEqual(height);
        // The largest such box: one more ratio unit would not fit.
        expect(box.width + rw > width || box.height + rh > height).toBe(true);
        expect(Math.abs(box.left - (width - box.left - box.width))).toBeLessThanOrEqual(1);
        expect(box.output.width).toBeLessThanOrEqual(MAX_CROP_WIDTH);
      });
    }
  }

  it('keeps full resolution for a 16:9 1600x900 picture', () => {
    expect(cropGeometry(1600, 900, '16x9').output).toEqual({ width: 1600, height: 900 });
    expect(cropGeometry(1600, 900, '4x3').output).toEqual({ width: 1200, height: 900 });
    expect(cropGeometry(1600, 900, '1x1').output).toEqual({ width: 900, height: 900 });
  });

  it('crops the sample illustrations (16:9 2400x1350) at full height, the 16:9 no wider than MAX_CROP_WIDTH', () => {
    expect(cropGeometry(2400, 1350, '16x9').output).toEqual({ width: 2000, height: 1125 });
    expect(cropGeometry(2400, 1350, '4x3').output).toEqual({ width: 1800, height: 1350 });
    expect(cropGeometry(2400, 1350, '1x1').output).toEqual({ width: 1350, height: 1350 });
  });

  it('refuses an image too small for the ratio', () => {
    expect(() => cropGeometry(10, 5, '16x9')).toThrow(/too small/);
  });
});

describe('crop URLs', () => {
  it('knows the ratios, and names three crops of a story image', () => {
    expect(isCropRatio('16x9')).toBe(true);
    expect(isCropRatio('2x1')).toBe(false);
    expect(isCropRatio('constructor')).toBe(false);
    expect(storyImageUrls({ slug: 's', image: { src: '/images/a.jpg', alt: 'a', width: 10, height: 10 } })).toHaveLength(3);
  });

  it('reads only image files inside public/', () => {
    expect(resolvePublicImage('/images/samples/ferry-yard.jpg')?.type).toBe('image/jpeg');
    expect(resolvePublicImage('/../package.json')).toBeUndefined();
    expect(resolvePublicImage('/../secret.jpg')).toBeUndefined();
    expect(resolvePublicImage('/images/.hidden.jpg')).toBeUndefined();
    expect(resolvePublicImage('/images/x.svg')).toBeUndefined();
    expect(resolvePublicImage('/images/a\\..\\..\\b.jpg')).toBeUndefined();
    expect(resolvePublicImage('')).toBeUndefined();
  });

  it('takes a crop address only in its canonical spelling', () => {
    expect(cropSource('4x3', ['images', 'samples', 'ferry-yard.jpg'])).toBe('/images/samples/ferry-yard.jpg');
    expect(cropSource('4x3', ['images', 'photo 1.jpg'])).toBe('/images/photo 1.jpg');
    expect(cropSource('2x1', ['images', 'samples', 'ferry-yard.jpg'])).toBeUndefined();
  });

  // Issue 15: each spelling cost a fresh crop. Segments as Next decodes them from the address.
  it.each([
    [['images/./samples/ferry-yard.jpg'], '/media/4x3/images%2F.%2Fsamples%2Fferry-yard.jpg'],
    [['images/././samples/ferry-yard.jpg'], '/media/4x3/images%2F.%2F.%2Fsamples%2Fferry-yard.jpg'],
    [['images/zz/../samples/ferry-yard.jpg'], '/media/4x3/images%2Fzz%2F..%2Fsamples%2Fferry-yard.jpg'],
    [['images/samples/ferry-yard.jpg'], '/media/4x3/images%2Fsamples%2Fferry-yard.jpg'],
    [['images', 'samples/ferry-yard.jpg'], '/media/4x3/images/samples%2Fferry-yard.jpg'],
    [['images', '.', 'samples', 'ferry-yard.jpg'], '/media/4x3/images/./samples/ferry-yard.jpg'],
    [['images', 'zz', '..', 'samples', 'ferry-yard.jpg'], '/media/4x3/images/zz/../samples/ferry-yard.jpg'],
    [['.git', 'x.jpg'], '/media/4x3/.git/x.jpg'],
    [['images', '.hidden', 'x.jpg'], '/media/4x3/images/%2ehidden/x.jpg'],
    [['images', 'samples\\ferry-yard.jpg'], '/media/4x3/images/samples%5Cferry-yard.jpg'],
  ])('refuses the crop spelling %j (%s)', (segments) => {
    expect(cropSource('4x3', segments)).toBeUndefined();
  });
});
