import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // `server-only` is Next's build-time marker; outside Next it is nothing (lib/server-only-outside-next.ts).
  resolve: { alias: { '@': import.meta.dirname, 'server-only': `${import.meta.dirname}/lib/server-only-outside-next.ts` } },
  test: {
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // A missing index is rebuilt in the test's own process (the indexer child process is for
    // servers and the build; e2e covers it), so tests stay quick and see their own counters.
    // Renditions of the pictures tests index (lib/media/render.ts) go outside the checkout, in one
    // folder kept between runs: their names are content hashes, so a second run makes none again.
    env: { CONTENT_INDEX_WORKERS: '0', MEDIA_DIR: path.join(tmpdir(), 'news-rebeat-test-media') },
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
  },
});
