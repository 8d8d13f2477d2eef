import type { Section } from '@/lib/content/schema';
import { MAX_QUERY_LENGTH } from '@/lib/search/search-terms';
import { paths } from '@/lib/urls';

type SearchFormProps = {
  /** Prefix for element ids: the header form and the search page's own form are on one page. */
  id: string;
  /** The words already searched for, to refine them. */
  query?: string;
  /** With sections, the form offers a section choice (the search page); without, a compact box (the header). */
  sections?: readonly Section[];
  section?: string;
};

/**
 * A plain GET form to /search: it works before and without JavaScript, and every search has an
 * address a reader can bookmark or share.
 */
export function SearchForm({ id, query = '', sections, section }: SearchFormProps) {
  const page = Boolean(sections);
  return (
    <form
      action={paths.search()}
      method="get"
      role="search"
      aria-label={page ? 'Search stories' : 'Site search'}
      className={page ? 'mt-4 flex flex-wrap items-end gap-3' : 'mx-auto flex max-w-6xl gap-2 px-4 pb-3 sm:px-6'}
    >
      <div className={page ? 'flex min-w-0 grow basis-64 flex-col gap-1' : 'flex min-w-0 grow sm:max-w-sm'}>
        <label htmlFor={`${id}-q`} className={page ? 'font-sans text-sm font-semibold text-ink' : 'sr-only'}>
          {page ? 'Search for' : 'Search stories'}
        </label>
        <input
          id={`${id}-q`}
          type="search"
          name="q"
          defaultValue={query}
          maxLength={MAX_QUERY_LENGTH}
          placeholder="Names, places, topics"
          enterKeyHint="search"
          autoComplete="off"
          className="form-field w-full"
        />
      </div>
      {sections ? (
        <div className="flex min-w-0 grow basis-40 flex-col gap-1 sm:grow-0">
          <label htmlFor={`${id}-section`} className="font-sans text-sm font-semibold text-ink">
            Section
          </label>
          <select id={`${id}-section`} name="section" defaultValue={section ?? ''} className="form-field">
            <option value="">All sections</option>
            {sections.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button type="submit" className="submit-button">
        Search
      </button>
    </form>
  );
}
