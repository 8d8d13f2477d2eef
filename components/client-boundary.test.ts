import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Server-only code never reaches a client component. Every module a client component ('use
 * client': the *.island.tsx files and the error pages) imports, directly or through others, is
 * followed; none may read files, open the content index, hold secrets or run processes. This is
 * the project's `server-only` marker: the package throws outside React's server condition, which
 * the tools that share these modules (tsx scripts, Vitest, Playwright's loader) do not run under,
 * so the rule is checked here, over the import graph, in `npm test`.
 */

const ROOT = path.resolve(import.meta.dirname, '..');

/** Modules, or imports, that only a server may load. */
const SERVER_ONLY: { test: (specifier: string, file: string) => boolean; why: string }[] = [
  { test: (s) => /^(node:)?(fs|fs\/promises|child_process|worker_threads|net)$/.test(s), why: 'reads files or runs processes' },
  { test: (s) => s === 'better-sqlite3' || s === 'sharp' || s === 'redis', why: 'a native or network client' },
  { test: (_, f) => f.startsWith('lib/content/index/'), why: 'the content index' },
  { test: (_, f) => f === 'lib/content/queries.ts', why: 'queries the content index' },
  { test: (_, f) => f === 'lib/security/secrets.ts', why: 'holds secrets' },
  { test: (_, f) => f.startsWith('lib/cache/') || f.startsWith('lib/revalidate/'), why: 'the ISR cache and push-to-publish' },
];

const EXTENSIONS = ['.ts', '.tsx', '.mts', '.mjs', '.js'];

function clientModules(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(ROOT, dir))) {
      const rel = path.join(dir, name);
      if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel);
      else if (
        /\.(tsx?|mts)$/.test(name) &&
        !name.endsWith('.test.ts') &&
        /^['"]use client['"]/m.test(readFileSync(path.join(ROOT, rel), 'utf8'))
      )
        found.push(rel);
    }
  };
  walk('app');
  walk('components');
  return found;
}

/** The project file an import names, or undefined for a package. */
function resolveImport(from: string, specifier: string): string | undefined {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = path.join(path.dirname(from), specifier);
  else return undefined;
  for (const candidate of [base, ...EXTENSIONS.map((e) => base + e)]) {
    if (existsSync(path.join(ROOT, candidate)) && statSync(path.join(ROOT, candidate)).isFile()) return candidate;
  }
  throw new Error(`${from}: cannot resolve ${specifier}`);
}

/** Value imports only: `import type` brings no code. */
function importsOf(file: string): string[] {
  const source = readFileSync(path.join(ROOT, file), 'utf8');
  const specifiers: string[] = [];
  for (const m of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'"]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) specifiers.push(m[1]!);
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) specifiers.push(m[1]!);
  return specifiers;
}

/** Every server-only import reachable from `entry`, with the chain that reaches it. */
function serverOnlyReached(entry: string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  const visit = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of importsOf(file)) {
      const target = resolveImport(file, specifier);
      const rule = SERVER_ONLY.find((r) => r.test(specifier, target ?? ''));
      if (rule) problems.push(`${[...chain, file].join(' → ')} → ${target ?? specifier} (${rule.why})`);
      else if (target) visit(target, [...chain, file]);
    }
  };
  visit(entry, []);
  return problems;
}

describe('the client boundary', () => {
  const clients = clientModules();

  it('finds the client components', () => {
    expect(clients).toEqual(
      expect.arrayContaining(['components/LiveEditor.island.tsx', 'components/PreviewErrorBoundary.island.tsx', 'app/error.tsx']),
    );
  });

  it.each(clients)('%s reaches no server-only code', (file) => {
    expect(serverOnlyReached(file)).toEqual([]);
  });

  it('sees a server-only import through a chain of modules', () => {
    // The rule itself: lib/content/queries.ts is server-only, and a route that imports it is caught.
    expect(serverOnlyReached('app/api/health/route.ts').join('\n')).toMatch(/content index/);
  });
});
