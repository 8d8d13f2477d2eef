import { z } from 'zod';

/** GET /api/health when the content index is ready (the persistent index's contract, issue 14). */
export const healthSchema = z.object({
  status: z.literal('ready'),
  stories: z.number(),
  index: z.object({ rebuiltAtStart: z.boolean(), rebuildMs: z.number().nullable() }),
  counters: z.object({ filesParsed: z.number(), bodiesCompiled: z.number() }),
});

export type Health = z.infer<typeof healthSchema>;

/**
 * What /api/health says: `missing` where the site has no such route (today's in-memory index; the
 * bench then falls back to polling `/` and prints n/a for what only the health route tells),
 * `starting` while it answers 503 or cannot be reached, `ready` with its figures.
 */
export type HealthState = { kind: 'missing' } | { kind: 'starting' } | { kind: 'ready'; health: Health };

export async function readHealth(baseUrl: string, timeoutMs = 10_000): Promise<HealthState> {
  let status: number;
  let text: string;
  try {
    const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(timeoutMs) });
    status = res.status;
    text = await res.text();
  } catch {
    return { kind: 'starting' };
  }
  if (status === 404 || status === 405) return { kind: 'missing' };
  if (status !== 200) return { kind: 'starting' };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`/api/health answered 200 with something other than JSON: ${text.slice(0, 200)}`);
  }
  const parsed = healthSchema.safeParse(body);
  if (!parsed.success) throw new Error(`/api/health answered 200 with an unexpected body: ${text.slice(0, 300)}`);
  return { kind: 'ready', health: parsed.data };
}

/**
 * Polls until the content index is ready: /api/health 200, or where there is no health route,
 * the front page 200 (it cannot render without the index). Returns when, and what health said.
 */
export async function untilReady(baseUrl: string, { timeoutMs = 600_000, intervalMs = 50 } = {}): Promise<{ at: number; health?: Health }> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    const state = await readHealth(baseUrl);
    if (state.kind === 'ready') return { at: performance.now(), health: state.health };
    if (state.kind === 'missing') {
      const res = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(Math.max(1, Math.round(deadline - performance.now()))) }).catch(
        () => undefined,
      );
      await res?.arrayBuffer();
      if (res?.status === 200) return { at: performance.now() };
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${baseUrl} was not ready within ${Math.round(timeoutMs / 1000)} s`);
}
