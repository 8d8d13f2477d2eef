/**
 * A slug is the file name without `.mdx`: lowercase ASCII letters and digits in words joined by
 * single hyphens, 1 to 100 characters ("putin-lukashenko-summit"). It is the URL path segment,
 * so nothing else is accepted: no spaces, capitals, accents, dots or leading/trailing hyphens.
 */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX_LENGTH = 100;

export function isValidSlug(value: string): boolean {
  return value.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(value);
}

/** Tag and section names become URL segments: "Ukraine war" -> "ukraine-war". */
export function slugify(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
