export type TagMark = { expired?: number; stale?: number };
export type StoredEntry = { value: unknown; lastModified: number; tags?: string[]; cacheControl?: unknown };
export declare function encode(value: unknown): unknown;
export declare function decode(value: unknown): unknown;
export declare function serialize(entry: StoredEntry): string;
export declare function deserialize(text: string): StoredEntry;
export declare const CACHE_TAGS_HEADER: string;
export declare function entryTags(entry: StoredEntry, ctx?: { tags?: string[]; softTags?: string[] }): string[];
export declare function tagVerdict(
  marks: readonly (TagMark | null | undefined)[],
  lastModified: number,
  now: number,
): 'fresh' | 'stale' | 'expired';
export declare function tagMark(existing: TagMark | undefined, durations: { expire?: number } | undefined, now: number): TagMark;
export declare function mergeMarks(a: TagMark | undefined, b: TagMark | undefined): TagMark;
