export function cacheBounds(): { entries: number; bytes: number };
export function isMissingPage(value: unknown): boolean;
export function entryBytes(value: unknown): number;
