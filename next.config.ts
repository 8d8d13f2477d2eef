import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // Tests run several isolated servers from copies of one build; each names its own copy.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  reactStrictMode: true,
  images: {
    formats: ['image/avif', 'image/webp'],
    qualities: [75],
  },
};

export default nextConfig;
