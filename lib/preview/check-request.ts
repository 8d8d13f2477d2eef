import { z } from 'zod';
import { isValidSlug } from '@/lib/content/slug';

const fileName = z.string().refine(isValidSlug, { message: 'expected a file name of lowercase letters, digits and hyphens' });
const source = z.string().max(1_000_000);

/**
 * What the live editor sends to be checked: a story (its file name, the slug) or a live update
 * (its story's slug and its own id, ADR 0011), with the file's full text. A request without
 * `kind` is a story, as before updates could be previewed.
 */
export const checkRequestSchema = z.preprocess(
  (value) => (value !== null && typeof value === 'object' && !('kind' in value) ? { ...value, kind: 'story' } : value),
  // Discriminated, so a bad field is reported as itself rather than as "no variant matched".
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('story'), slug: fileName, source }),
    z.strictObject({ kind: z.literal('update'), story: fileName, id: fileName, source }),
  ]),
);

export type CheckRequest = z.infer<typeof checkRequestSchema>;

/** The file a checked text would be, as the content check names it. */
export function checkedFile(request: CheckRequest): string {
  return request.kind === 'update' ? `content/live/${request.story}/${request.id}.mdx` : `content/articles/${request.slug}.mdx`;
}

/** One problem as the live editor shows it: the content check's line, and where to put the cursor. */
export type CheckedProblem = { line: number; column: number; severity: 'error' | 'warning'; text: string };
