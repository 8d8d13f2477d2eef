/** Minutes to read at 230 words a minute, rounded up. */
export function readingMinutes(wordCount: number): number {
  return Math.max(1, Math.ceil(wordCount / 230));
}
