import { getSections } from '@/lib/content/queries';
import { feedResponse } from '@/lib/feeds/feed-response';

export const revalidate = 30;
export const dynamicParams = true;

export async function generateStaticParams() {
  return (await getSections()).map((s) => ({ section: s.id }));
}

export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  return feedResponse('json', (await params).section);
}
