import { getLiveUpdateIds } from '@/lib/content/live';
import { isValidSlug } from '@/lib/content/slug';

// The live page's own window (ADR 0011): the prompt asks no fresher than the page it leads to.
export const revalidate = 5;
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

/**
 * The ids of a live story's newest updates (its first page), its status and how many it has: what
 * a reader's page asks every 15 s to offer "3 new updates", instead of the whole page.
 */
export async function GET(_request: Request, { params }: Props) {
  const { slug } = await params;
  const ids = isValidSlug(slug) ? await getLiveUpdateIds(slug) : undefined;
  if (!ids) return Response.json({ error: 'No such live story.' }, { status: 404 });
  return Response.json(ids);
}
