import { getLiveUpdatePage } from '@/lib/content/live';
import { isValidSlug } from '@/lib/content/slug';
import { paths } from '@/lib/urls';

// Which page holds an update changes as updates arrive: asked of the index on every request.
export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string; id: string }> };

/**
 * An update's permalink (ADR 0011): a redirect to the page that holds it now, at its anchor (a
 * fragment never reaches the server, and pages shift as updates arrive). An update readers cannot
 * see (scheduled, or removed) leads to the live page; a story that is not live, to a 404.
 */
export async function GET(_request: Request, { params }: Props) {
  const { slug, id } = await params;
  const found = isValidSlug(slug) && isValidSlug(id) ? await getLiveUpdatePage(slug, id) : undefined;
  if (!found)
    return new Response('No such live story.\n', {
      status: 404,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
    });
  // Relative, so the answer is right whichever host served it.
  const location = found.shown ? `${paths.livePage(slug, found.page)}#${id}` : paths.live(slug);
  return new Response(null, { status: 307, headers: { Location: location, 'Cache-Control': 'no-store' } });
}
