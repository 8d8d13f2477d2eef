import type { NextConfig } from 'next';
import { LIVE_EDITOR_PATH, liveEditorCsp } from './lib/preview/editor-csp';

const nextConfig: NextConfig = {
  // Tests run several isolated servers from copies of one build; each names its own copy.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    formats: ['image/avif', 'image/webp'],
    qualities: [75],
  },
  async headers() {
    return [
      {
        // Only the editors' live preview may evaluate code (compiled MDX); it is never indexed.
        source: LIVE_EDITOR_PATH,
        headers: [
          { key: 'Content-Security-Policy', value: liveEditorCsp },
          { key: 'X-Robots-Tag', value: 'noindex, nofollow' },
          { key: 'Referrer-Policy', value: 'no-referrer' },
        ],
      },
    ];
  },
};

export default nextConfig;
