import type { Live } from '@/lib/content/schema';

/**
 * "Live" while coverage goes on, "Ended" after: said in words, so it reads without colour, and the
 * same on a live page's header and on its cards in lists.
 */
export function LiveLabel({ status }: { status: Live['status'] }) {
  return status === 'live' ? (
    <span className="live-label bg-accent text-paper">
      <span aria-hidden="true">●</span>
      Live
    </span>
  ) : (
    <span className="live-label border border-rule text-muted">Ended</span>
  );
}
