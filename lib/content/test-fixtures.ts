import type { Story, Author, Section } from '@/lib/content/schema';

/** Builders for unit tests: valid content objects with just the fields a test cares about changed. */
export function fixtureStory(overrides: Partial<Story> & { slug: string }): Story {
  return {
    title: `Story ${overrides.slug}`,
    dek: `The dek of ${overrides.slug}.`,
    section: 'world',
    tags: ['Harbours'],
    authors: ['ana-ruiz'],
    publishedAt: '2024-05-01T10:00:00+02:00',
    draft: false,
    sample: false,
    file: `content/articles/${overrides.slug}.mdx`,
    text: 'Body text.',
    wordCount: 2,
    ...overrides,
  };
}

export function fixtureAuthor(overrides: Partial<Author> & { id: string }): Author {
  return {
    name: 'Ana Ruiz',
    role: 'Reporter',
    bio: 'Reports on harbours.',
    sample: false,
    file: `content/authors/${overrides.id}.yaml`,
    ...overrides,
  };
}

export const fixtureSections: Section[] = [
  { id: 'world', name: 'World', description: 'The world.' },
  { id: 'business', name: 'Business', description: 'Money.' },
];
