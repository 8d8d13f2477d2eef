export function isHydrationScript(element: Buffer): boolean;
export function withoutScriptPreloads(head: string): string;
export function hydrationStripper(): { push(chunk: Buffer): Buffer; flush(): Buffer };
export const HYDRATED_PREFIX: string;
export function isReaderPage(url?: string): boolean;
