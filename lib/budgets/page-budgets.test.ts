import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeBudgets, readBudgets } from './page-budgets';

const ADR = readFileSync(path.join(import.meta.dirname, '../../docs/architecture/0006-javascript-budget.md'), 'utf8');

describe('page budgets', () => {
  it('are read from ADR 0006', () => {
    const budgets = readBudgets(ADR);
    expect(budgets.jsOverFloorGzip).toBe(5 * 1024);
    expect(budgets.storyMarkupRaw).toBeGreaterThan(0);
    expect(budgets.inlineCssGzip).toBeGreaterThan(0);
  });

  it('fail a page over budget, and pass one within it', () => {
    const budgets = { jsOverFloorGzip: 5 * 1024, storyMarkupRaw: 60 * 1024, inlineCssGzip: 10 * 1024 };
    const within = judgeBudgets(budgets, { storyJsGzip: 135_000, floorJsGzip: 131_000, storyMarkupRaw: 50_000, inlineCssGzip: 9_000 });
    expect(within.map((v) => v.over)).toEqual([false, false, false]);
    const over = judgeBudgets(budgets, { storyJsGzip: 137_000, floorJsGzip: 131_000, storyMarkupRaw: 70_000, inlineCssGzip: 11_000 });
    expect(over.map((v) => v.over)).toEqual([true, true, true]);
    expect(over[0]).toMatchObject({ measured: 6000, limit: 5120 });
  });

  it('names the row an ADR lacks', () => {
    expect(() => readBudgets('# no table')).toThrow(/first-load JavaScript above the floor/);
  });
});
