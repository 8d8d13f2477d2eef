import { z } from 'zod';
import { isValidSlug } from '@/lib/content/slug';

/** What the live editor sends to be checked: the story's file name (its slug) and its full text. */
export const checkRequestSchema = z.strictObject({
  slug: z.string().refine(isValidSlug, { message: 'expected a file name of lowercase letters, digits and hyphens' }),
  source: z.string().max(1_000_000),
});

/** One problem as the live editor shows it: the content check's line, and where to put the cursor. */
export type CheckedProblem = { line: number; column: number; severity: 'error' | 'warning'; text: string };
