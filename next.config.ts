import path from 'node:path';
import type { NextConfig } from 'next';
import { liveEditorCsp } from './lib/preview/editor-csp';
import { LIVE_EDITOR_PATH, PREVIEW_PREFIX } from './lib/preview/prefix';
import { securityHeaders } from './lib/security/headers';
import { MAX_INPUT_PIXELS } from './lib/seo/input-pixels';

const nextConfig: NextConfig = {
  // Tests run several isolated servers from copies of one build; each names its own copy.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // deploy/server.mjs compresses, after it has written each page's stylesheet into its HTML.
  compress: false,
  // Next hashes the whole HTML in JavaScript on every request to make an ETag: a quarter of the
  // CPU of serving a cached story. Pages change with the news and readers fetch them whole
  // (ADR 0009); static assets keep their immutable caching.
  generateEtags: false,
  // Several instances share one ISR cache in Redis when REDIS_URL is set (docs/deploy.md); read
  // again by `next start`, so one build serves with or without Redis. No in-process copy, or an
  // instance would keep serving a page another instance revalidated. Without Redis, Next's own
  // file-system cache, bounded and storing no 404 for unknown addresses (lib/cache/bounds.mjs).
  ...(process.env.REDIS_URL
    ? { cacheHandler: path.resolve(process.cwd(), 'lib/cache/redis-cache-handler.mjs'), cacheMaxMemorySize: 0 }
    : { cacheHandler: path.resolve(process.cwd(), 'lib/cache/file-cache-handler.mjs') }),
  reactStrictMode: true,
  images: {
    // Only authors' photos go through Next's optimiser (story pictures are the content index's
    // renditions, ADR 0016): 56 and 96 CSS pixels, at 1x to 3x. Each width at most 1.5 times the
    // one below, so none is fetched more than 1.5 times wider than it is shown.
    formats: ['image/avif', 'image/webp'],
    imageSizes: [56, 84, 112, 168, 192, 288],
    deviceSizes: [384, 576, 768, 1152, 1536, 1920],
    qualities: [75],
    // Optimised copies under <distDir>/cache/images, least recently used out first (Next's
    // default is half the free disk). proxy.ts lets through only images the content uses.
    maximumDiskCacheSize: 512 * 1024 * 1024,
  },
  experimental: {
    imgOptMaxInputPixels: MAX_INPUT_PIXELS,
    // Next loads every route's modules when it starts, by default. A restarted instance is ready
    // as soon as its content index is (/api/health), so that loading held up its first requests:
    // each route's modules load with its own first request instead (ADR 0010, "After a restart").
    preloadEntriesOnStart: false,
  },
  // Preview addresses show the page itself (lib/preview/prefix.ts); after the app's own routes,
  // so the live editor keeps its page.
  rewrites() {
    return Promise.resolve({ beforeFiles: [], afterFiles: [{ source: `${PREVIEW_PREFIX}/:path*`, destination: '/:path*' }], fallback: [] });
  },
  headers() {
    return Promise.resolve([
      // Every response; a later rule that sets the same header wins (the live editor's CSP).
      { source: '/:path*', headers: [...securityHeaders] },
      // A second address for every page: never indexed.
      { source: `${PREVIEW_PREFIX}/:path*`, headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
      {
        // Only the editors' live preview may evaluate code (compiled MDX); it is never indexed.
        source: LIVE_EDITOR_PATH,
        headers: [
          { key: 'Content-Security-Policy', value: liveEditorCsp },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ]);
  },
};

export default nextConfig;
