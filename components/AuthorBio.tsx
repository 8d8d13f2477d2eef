import type { Author } from '@/lib/content/schema';
import { AuthorAvatar } from './AuthorAvatar';
import { paths } from '@/lib/urls';

/** The box at the end of a story: who wrote it, their role and bio, a link to their page. */
export function AuthorBio({ author }: { author: Author }) {
  return (
    <section aria-label={`About ${author.name}`} className="mt-6 flex gap-4 rounded-md bg-surface p-5">
      <AuthorAvatar author={author} size={56} />
      <div className="font-sans">
        <p className="font-semibold text-ink">
          <a href={paths.author(author.id)} className="hover:underline">
            {author.name}
          </a>
        </p>
        <p className="text-sm text-muted">{author.role}</p>
        <p className="mt-2 text-[0.95rem] leading-relaxed text-ink">{author.bio}</p>
      </div>
    </section>
  );
}
