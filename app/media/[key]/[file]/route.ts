import { serveRendition } from '@/lib/media/serve';

// Renditions are files made when the content index sees a picture (ADR 0016), never rendered or
// cached here: each answer is read from disk, and its address never changes content (`immutable`).
export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ key: string; file: string }> }) {
  const { key, file } = await params;
  return serveRendition(key, file);
}
