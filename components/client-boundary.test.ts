import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * Server-only code never reaches a client component, checked twice. The modules that read files,
 * run processes, open the content index or hold secrets start with `import 'server-only'`, so a
 * client component that reaches one fails `next build` ("You're importing a module that depends
 * on server-only"; tried once with a probe island importing lib/content/queries.ts). Outside Next
 * the name resolves to nothing (lib/server-only-outside-next.ts). And here, in `npm test`, every
 * module a client component ('use client': the *.island.tsx files and the error pages) imports,
 * directly or through others, is followed, and every module that needs the marker is seen to carry it.
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

/** Source files (not tests) under the given folders, relative to the project. */
function sourceFiles(...dirs: string[]): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(path.join(ROOT, dir))) {
      const rel = path.join(dir, name);
      if (statSync(path.join(ROOT, rel)).isDirectory()) walk(rel);
      else if (/\.(tsx?|mts)$/.test(name) && !name.endsWith('.test.ts')) found.push(rel);
    }
  };
  dirs.forEach(walk);
  return found;
}

function clientModules(): string[] {
  return sourceFiles('app', 'components').filter((rel) => /^['"]use client['"]/m.test(readFileSync(path.join(ROOT, rel), 'utf8')));
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

/** Test support that reads files: only tests import these, so they carry no marker. */
const TEST_SUPPORT = [
  'lib/cache/redis-server.ts',
  'lib/search/test-index.ts',
  'lib/content/test-story-files.ts',
  'lib/seo/xsd/validate.ts',
];

/** The modules under lib/ (.ts and .tsx) that read files, run processes or open a native or network client. */
function needsMarker(): string[] {
  const alwaysServer = (rel: string) =>
    rel.startsWith('lib/content/index/') || rel === 'lib/content/queries.ts' || rel === 'lib/security/secrets.ts';
  return sourceFiles('lib').filter(
    (rel) =>
      /\.tsx?$/.test(rel) &&
      !TEST_SUPPORT.includes(rel) &&
      (alwaysServer(rel) || importsOf(rel).some((specifier) => SERVER_ONLY.some((r) => r.test(specifier, '')))),
  );
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

  it('marks every module that reads files, runs processes or opens the index server-only, so the build refuses it in a client', () => {
    const modules = needsMarker();
    expect(modules).toEqual(expect.arrayContaining(['lib/content/index/runtime.ts', 'lib/content/queries.ts', 'lib/security/secrets.ts']));
    expect(modules.filter((file) => !/^import 'server-only';$/m.test(readFileSync(path.join(ROOT, file), 'utf8')))).toEqual([]);
  });

  it('sees a server-only import through a chain of modules', () => {
    // The rule itself: lib/content/queries.ts is server-only, and a route that imports it is caught.
    expect(serverOnlyReached('app/api/health/route.ts').join('\n')).toMatch(/content index/);
  });
});
