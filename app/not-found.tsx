import { getSections } from '@/lib/content/queries';
import { paths } from '@/lib/urls';

export const metadata = { title: 'Page not found', robots: { index: false } };

export default async function NotFound() {
  const sections = await getSections();
  return (
    <div className="mx-auto max-w-2xl py-10">
      <p className="font-sans text-sm font-semibold tracking-wide text-accent uppercase">Error 404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold text-ink">We can’t find that page</h1>
      <p className="mt-4 font-serif text-lg text-muted">
        The story may have been moved or unpublished, or the address may be mistyped.
      </p>
      <p className="mt-6 font-sans">
        <a href="/" className="font-semibold text-link underline">
          Go to the front page
        </a>
      </p>
      {sections.length ? (
        <nav aria-label="Sections" className="mt-6 font-sans">
          <p className="text-sm text-muted">Or browse a section:</p>
          <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-2">
            {sections.map((s) => (
              <li key={s.id}>
                <a href={paths.section(s.id)} className="text-link underline">
                  {s.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
