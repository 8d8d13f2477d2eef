import { slugify } from '@/lib/content/slug';

/** Every public path the site builds, in one place, so pages, feeds, sitemaps and revalidation agree. */
export const paths = {
  front: () => '/',
  article: (slug: string) => `/articles/${slug}`,
  section: (id: string) => `/${id}`,
  author: (id: string) => `/authors/${id}`,
  tag: (tag: string) => `/tags/${slugify(tag)}`,
};
