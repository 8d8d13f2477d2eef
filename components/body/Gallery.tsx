import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from 'react';
import type { FigureProps } from './FigureFrame';

/**
 * Pictures shown together, captioned one by one, with no JavaScript: a strip that scrolls sideways
 * (snapping to each picture) on phones and a grid on desktop (app/globals.css, .gallery). Editors
 * write <Figure> elements between its tags (lib/mdx/allowed-components.ts), which it marks as in
 * the gallery, so they take its slot. The strip is a labelled region keyboard users can focus and
 * scroll with the arrow keys.
 */
export function Gallery({ caption, children }: { caption?: string; children?: ReactNode }) {
  const figures = Children.toArray(children).filter((child): child is ReactElement<FigureProps> => isValidElement(child));
  const label = caption ? `Gallery: ${caption}` : `Gallery of ${figures.length} pictures`;
  return (
    <figure className="gallery">
      {/* eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- a region that scrolls must take focus, so keyboard readers can scroll it (WCAG 2.1.1; axe scrollable-region-focusable) */}
      <div className="gallery-scroller" role="region" aria-label={label} tabIndex={0}>
        <ul className="gallery-list">
          {figures.map((figure, i) => {
            // An odd number: the first spans the grid's two columns on desktop, so no row is half empty.
            const lead = i === 0 && figures.length % 2 === 1;
            return (
              <li key={i} className={lead ? 'gallery-lead' : undefined}>
                {cloneElement(figure, { inGallery: true, galleryLead: lead })}
              </li>
            );
          })}
        </ul>
      </div>
      {caption ? <figcaption className="mt-3 font-sans text-sm text-muted">{caption}</figcaption> : null}
    </figure>
  );
}
