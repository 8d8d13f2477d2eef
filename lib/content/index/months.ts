import 'server-only';
/** A story's month of publication (UTC), `2023-02`: how the sitemap splits stories into parts. */
export function monthOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 7);
}

/** The instants a month covers, [start, end). */
export function monthRange(month: string): { start: number; end: number } {
  const start = Date.parse(`${month}-01T00:00:00Z`);
  const end = new Date(start);
  end.setUTCMonth(end.getUTCMonth() + 1);
  return { start, end: end.getTime() };
}
