export default class FileCacheHandler {
  constructor(options: {
    fs: unknown;
    serverDistDir: string;
    flushToDisk?: boolean;
    maxMemoryCacheSize?: number;
    revalidatedTags?: string[];
  });
  get(key: string, ctx: { kind: string; isFallback?: boolean }): Promise<{ value: unknown; lastModified: number } | null>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
