import { embedTarget } from '@/lib/mdx/embed';

type EmbedProps = {
  url: string;
  title: string;
  caption?: string;
  height?: number | string;
};

/**
 * A video or chart from an allow-listed provider (lib/mdx/embed.ts): `<Embed url="https://youtu.be/..." title="..." />`.
 * We render the iframe ourselves from a fixed player address (YouTube's no-cookie domain, Vimeo
 * with do-not-track), sandboxed and lazy, so no third-party script runs on our page. An address
 * from any other provider renders nothing (the content check refuses it first).
 */
export function Embed({ url, title, caption, height }: EmbedProps) {
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-conversion, @typescript-eslint/no-unnecessary-condition -- props come from a story's MDX at run time, unchecked by TypeScript: url may be missing or not a string
  const target = embedTarget(String(url ?? ''));
  if (!target) return null;
  const frameHeight = Number(height) > 0 ? Number(height) : 400;
  return (
    <figure className="my-8">
      <div
        className={`relative w-full overflow-hidden bg-surface ${target.aspect ? 'aspect-video' : ''}`}
        style={target.aspect ? undefined : { height: frameHeight }}
      >
        <iframe
          src={target.src}
          title={title}
          loading="lazy"
          className="absolute inset-0 h-full w-full border-0"
          allow="encrypted-media; fullscreen; picture-in-picture"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
          sandbox="allow-scripts allow-same-origin allow-popups allow-presentation"
        />
      </div>
      <figcaption className="mt-2 font-sans text-sm text-muted">
        {caption ? <span className="mr-1">{caption}</span> : null}
        <a href={target.href} rel="noopener noreferrer" className="text-link underline">
          {target.provider === 'Datawrapper' ? 'Open the chart on Datawrapper' : `Watch on ${target.provider}`}
        </a>
      </figcaption>
    </figure>
  );
}
