import { feedResponse } from '@/lib/feeds/serve';

export const revalidate = 30;

export function GET() {
  return feedResponse('json');
}
