import type { Author } from '@/lib/content/schema';
import { paths } from '@/lib/urls';

/** "By Mark Jones and Ana Ruiz", each name linking to the author's page. */
export function Byline({ authors }: { authors: readonly Author[] }) {
  return (
    <p className="font-sans text-base text-ink">
      By{' '}
      {authors.map((author, i) => (
        <span key={author.id}>
          {i > 0 ? (i === authors.length - 1 ? ' and ' : ', ') : null}
          <a href={paths.author(author.id)} rel="author" className="font-semibold text-link hover:underline">
            {author.name}
          </a>
        </span>
      ))}
    </p>
  );
}
