/**
 * The page budgets of ADR 0006, read from the ADR itself so that the number a reviewer reads is
 * the number the check enforces, and judged against what a production build serves. The check
 * (scripts/check-budgets.ts) runs in `npm test` and fails the run when a budget is exceeded.
 */

export type PageBudgets = {
  /** First-load JavaScript of the seed story, gzip, above the framework floor's (a bare Next.js page). */
  jsOverFloorGzip: number;
  /** The seed story's HTML without the stylesheet inlined in it, raw bytes. */
  storyMarkupRaw: number;
  /** The stylesheet every page carries inline (deploy/server.mjs), gzip: it is on every first paint's path. */
  inlineCssGzip: number;
};

export type MeasuredPages = {
  storyJsGzip: number;
  floorJsGzip: number;
  storyMarkupRaw: number;
  inlineCssGzip: number;
};

export type BudgetVerdict = { name: string; limit: number; measured: number; over: boolean };

const ROWS: Record<keyof PageBudgets, RegExp> = {
  jsOverFloorGzip: /^\|\s*first-load JavaScript above the floor \(gzip\)\s*\|\s*([\d.]+)\s*kB\s*\|/m,
  storyMarkupRaw: /^\|\s*seed story HTML without its stylesheet \(raw\)\s*\|\s*([\d.]+)\s*kB\s*\|/m,
  inlineCssGzip: /^\|\s*stylesheet inlined in every page \(gzip\)\s*\|\s*([\d.]+)\s*kB\s*\|/m,
};

/** The budgets table of ADR 0006; throws, naming the row, when one is missing. */
export function readBudgets(adr: string): PageBudgets {
  const read = (key: keyof PageBudgets) => {
    const match = ROWS[key].exec(adr);
    if (!match) throw new Error(`ADR 0006 has no budget row matching ${ROWS[key].source}`);
    return Math.round(Number(match[1]) * 1024);
  };
  return { jsOverFloorGzip: read('jsOverFloorGzip'), storyMarkupRaw: read('storyMarkupRaw'), inlineCssGzip: read('inlineCssGzip') };
}

/** Each budget against what was measured. */
export function judgeBudgets(budgets: PageBudgets, measured: MeasuredPages): BudgetVerdict[] {
  const overFloor = measured.storyJsGzip - measured.floorJsGzip;
  return [
    {
      name: 'first-load JavaScript above the floor (gzip)',
      limit: budgets.jsOverFloorGzip,
      measured: overFloor,
      over: overFloor > budgets.jsOverFloorGzip,
    },
    {
      name: 'seed story HTML without its stylesheet (raw)',
      limit: budgets.storyMarkupRaw,
      measured: measured.storyMarkupRaw,
      over: measured.storyMarkupRaw > budgets.storyMarkupRaw,
    },
    {
      name: 'stylesheet inlined in every page (gzip)',
      limit: budgets.inlineCssGzip,
      measured: measured.inlineCssGzip,
      over: measured.inlineCssGzip > budgets.inlineCssGzip,
    },
  ];
}
