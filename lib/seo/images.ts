import type { Story } from '@/lib/content/schema';
import { heightAt } from '@/lib/media/crop-box';
import type { PictureAddress } from '@/lib/media/picture-markup';
import { renditionFile, shareWidth } from '@/lib/media/rendition-set';
import { SHARE_RATIOS } from '@/lib/media/slots';
import { absoluteUrl } from '@/lib/site';
import { paths } from '@/lib/urls';

export type ShareCrop = { url: string; width: number; height: number };

/**
 * A picture's crops for search engines (Google asks for 16:9, 4:3 and 1:1, at least 1200 px wide
 * where the picture allows), as the JPEG renditions made with its others (lib/media/render.ts).
 */
export function shareCrops(picture: PictureAddress): ShareCrop[] {
  return SHARE_RATIOS.map((ratio) => {
    const width = shareWidth(ratio, picture);
    return {
      url: absoluteUrl(paths.rendition(picture.key, renditionFile({ ratio, width, format: 'jpg' }))),
      width,
      height: heightAt(ratio, width, picture),
    };
  });
}

/** Images that describe a story to search engines: its crops, or the generated card when it has no picture. */
export function storyImageUrls(story: Pick<Story, 'slug' | 'image'>, picture?: PictureAddress): string[] {
  if (picture) return shareCrops(picture).map((c) => c.url);
  return [absoluteUrl(story.image ? paths.image(story.image.src) : paths.storyShareImage(story.slug))];
}
