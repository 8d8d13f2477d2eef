import { cropResponse } from '@/lib/seo/crop';

// Crops of story images (docs/architecture/0005-search-engines-feeds-and-share-images.md): made on first
// request with sharp and cached like a page; images change rarely, so the window is an hour.
export const revalidate = 3600;
export const dynamicParams = true;

export function generateStaticParams() {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ ratio: string; src: string[] }> }) {
  const { ratio, src } = await params;
  return cropResponse(ratio, src);
}
