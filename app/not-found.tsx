import { getSections } from '@/lib/content/queries';
import { SectionLinks } from '@/components/SectionLinks';
import { paths } from '@/lib/urls';

export const metadata = { title: 'Page not found', robots: { index: false } };

export default async function NotFound() {
  const sections = await getSections();
  return (
    <div className="mx-auto max-w-2xl py-10">
      <p className="font-sans text-sm font-semibold tracking-wide text-accent uppercase">Error 404</p>
      <h1 className="mt-2 font-serif text-4xl font-bold text-ink">We can’t find that page</h1>
      <p className="mt-4 font-serif text-lg text-muted">The story may have been moved or unpublished, or the address may be mistyped.</p>
      <p className="mt-6 font-sans">
        <a href={paths.front()} className="font-semibold text-link underline">
          Go to the front page
        </a>
      </p>
      <SectionLinks sections={sections} label="Sections" className="mt-6 font-sans" />
    </div>
  );
}
