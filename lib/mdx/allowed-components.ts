import { IMAGE_PATH_RULE, isImagePath } from '@/lib/security/safe-path';
import { EMBED_PROVIDERS, embedTarget } from './embed';

/** A literal attribute value: `name="text"`, `name={1600}`, `name={true}` or a bare `name`. */
export type LiteralValue = string | number | boolean;

type PropSpec = {
  type: 'string' | 'number' | 'boolean';
  required?: boolean;
  /** An example an editor can copy, used in messages. */
  example: string;
  /** Further checks on the value; returns what is wrong, or undefined. */
  check?: (value: LiteralValue) => string | undefined;
};

/** Only these components may go between the tags, one per line (blank lines and {/* comments *\/} between them are fine). */
export type ElementChildren = {
  only: readonly string[];
  /** The fewest and most of them. */
  min: number;
  max: number;
  /** Attributes the inner components take elsewhere but not here (the container decides them), with why. */
  refusedProps?: Readonly<Record<string, string>>;
};

export type ComponentSpec = {
  props: Readonly<Record<string, PropSpec>>;
  /** Whether text may go between the opening and closing tags, or which components only. */
  children: boolean | ElementChildren;
};

/** The ways a <Figure> may be shown (components/body/FigureFrame.tsx); none is the text's width. */
export const FIGURE_SIZES = ['wide', 'inline'] as const;
export type FigureSize = (typeof FIGURE_SIZES)[number];

const nonEmpty = (what: string) => (value: LiteralValue) =>
  String(value).trim() === '' ? `expected ${what}, got an empty value` : undefined;

const positive = (value: LiteralValue) =>
  Number.isInteger(Number(value)) && Number(value) > 0 ? undefined : `expected a whole number of pixels, got ${JSON.stringify(value)}`;

/**
 * The components a story may use, with the attributes each accepts. The content check and the
 * renderer both enforce this list (lib/mdx/safe-mdx.ts); components/body/bodyComponents.ts
 * implements it. Keep docs/editing.md in step when changing it.
 */
export const allowedComponents = {
  PullQuote: {
    children: true,
    props: {
      cite: { type: 'string', example: 'cite="Ana Ruiz, mayor"' },
    },
  },
  Figure: {
    children: false,
    props: {
      src: {
        type: 'string',
        required: true,
        example: 'src="/images/bridge.jpg"',
        // The same rule as front matter `image.src` (lib/content/schema.ts).
        check: (v) => (isImagePath(String(v)) ? undefined : `expected ${IMAGE_PATH_RULE}, got ${JSON.stringify(v)}`),
      },
      alt: { type: 'string', required: true, example: 'alt="What the image shows"', check: nonEmpty('alt text describing the image') },
      width: { type: 'number', required: true, example: 'width={1600}', check: positive },
      height: { type: 'number', required: true, example: 'height={900}', check: positive },
      caption: { type: 'string', example: 'caption="..."' },
      // Every picture says who made it (issue 18): readers, and search engines' licence details, need it.
      credit: { type: 'string', required: true, example: 'credit="Photo: Agency"', check: nonEmpty('who made the picture') },
      size: {
        type: 'string',
        example: 'size="wide"',
        check: (v) =>
          (FIGURE_SIZES as readonly string[]).includes(String(v))
            ? undefined
            : `expected "wide" (wider than the text on desktop) or "inline" (beside the text on desktop), or no size for the text's width; got ${JSON.stringify(v)}`,
      },
    },
  },
  Gallery: {
    children: {
      only: ['Figure'],
      min: 2,
      max: 12,
      refusedProps: { size: 'the gallery sets the size of its pictures' },
    },
    props: {
      caption: { type: 'string', example: 'caption="What the pictures show together"' },
    },
  },
  Embed: {
    children: false,
    props: {
      url: {
        type: 'string',
        required: true,
        example: 'url="https://www.youtube.com/watch?v=..."',
        check: (v) =>
          embedTarget(String(v))
            ? undefined
            : `expected a video or chart address from ${EMBED_PROVIDERS.join(', ')}, got ${JSON.stringify(v)}`,
      },
      title: { type: 'string', required: true, example: 'title="What the video shows"', check: nonEmpty('a title describing the embed') },
      caption: { type: 'string', example: 'caption="..."' },
      height: { type: 'number', example: 'height={400}', check: positive },
    },
  },
} as const satisfies Record<string, ComponentSpec>;

export type AllowedComponentName = keyof typeof allowedComponents;

export const allowedComponentNames = Object.keys(allowedComponents) as AllowedComponentName[];

export function isAllowedComponent(name: string): name is AllowedComponentName {
  return Object.hasOwn(allowedComponents, name);
}
