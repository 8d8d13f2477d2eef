import { ResponsiveImage } from './ResponsiveImage';
import type { Author } from '@/lib/content/schema';

/** The author's photo, or their initials in a circle when there is none. */
export function AuthorAvatar({ author, size }: { author: Author; size: number }) {
  if (author.avatar) {
    return (
      <ResponsiveImage
        src={author.avatar.src}
        alt={author.avatar.alt}
        width={size}
        height={size}
        sizes={`${size}px`}
        className="shrink-0 rounded-full object-cover"
      />
    );
  }
  const initials = author.name
    .split(/\s+/)
    .map((part) => part[0])
    .filter(Boolean)
    .slice(0, 2)
    .join('')
    .toUpperCase();
  return (
    <span
      aria-hidden="true"
      className="inline-flex shrink-0 items-center justify-center rounded-full bg-accent font-sans font-semibold text-paper"
      style={{ width: size, height: size, fontSize: size * 0.38 }}
    >
      {initials}
    </span>
  );
}
