/**
 * The searchable columns of `story_search` (lib/content/index/database.ts), in table order after
 * `slug`, and how much a match in each counts.
 */
export const SEARCH_FIELDS = ['title', 'dek', 'tags', 'authors', 'section', 'body'] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Where a word counts most: a headline match outranks one in the dek, tags or names, then the body. */
export const FIELD_BOOSTS: Record<SearchField, number> = {
  title: 4,
  dek: 2,
  tags: 2,
  authors: 2,
  section: 1,
  body: 1,
};
