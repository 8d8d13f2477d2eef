let compiled = 0;

/** Counts one body compiled by this process (compile.ts). */
export function countCompiled(): void {
  compiled++;
}

/**
 * Bodies compiled by this process: the content index makes rendering need none (ADR 0010). Its
 * own module, so that /api/health reads it without loading the compiler.
 */
export function bodiesCompiled(): number {
  return compiled;
}
