import type { Server } from 'node:http';

export function drainable(server: Server, options?: { timeoutMs?: number }): { readonly inFlight: number; drain(): Promise<boolean> };
