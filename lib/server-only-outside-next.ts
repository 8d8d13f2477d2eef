/**
 * What `import 'server-only'` means outside Next.js: nothing. The tools that run our server
 * modules directly (tsx for `content:check`, the indexer and the benches; Vitest; Playwright's
 * loader) do not run under React's server condition, where the package is empty, so
 * tsconfig.json and vitest.config.mts point the name here. Inside `next build` the name is
 * Next's own: a client component that reaches a module marked with it fails the build
 * (components/client-boundary.test.ts proves the marker is there; docs/architecture/README.md).
 */
export {};
