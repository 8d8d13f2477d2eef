/**
 * Runs once when a server starts: opens the content index (or starts rebuilding it from the files)
 * before the first request, so /api/health reports readiness from the start and an index is never
 * first built after a file has already changed. Not awaited: a rebuild can take minutes, and the
 * server answers 503 on /api/health meanwhile.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  const [{ contentDb }, { prefetchVocabulary }] = await Promise.all([
    import('@/lib/content/index/runtime'),
    import('@/lib/search/vocabulary'),
  ]);
  // The search vocabulary's rows are read on a worker thread while the first requests load their modules.
  contentDb().then(prefetchVocabulary, () => undefined);
}
