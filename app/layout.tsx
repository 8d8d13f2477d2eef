import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { SiteFooter } from '@/components/SiteFooter';
import { SiteHeader } from '@/components/SiteHeader';
import { SkipLink } from '@/components/SkipLink';
import { ThemeScript } from '@/components/ThemeScript';
import { getSections } from '@/lib/content/queries';
import { feedAlternates, indexableRobots } from '@/lib/seo/metadata';
import { samplesHidden, site, siteUrl } from '@/lib/site';
import { fontClasses } from './fonts/faces';
import './globals.css';

export const metadata: Metadata = {
  metadataBase: new URL(siteUrl()),
  title: { default: site.name, template: `%s | ${site.name}` },
  description: site.description,
  // Defaults for pages that set none of their own (lib/seo/metadata.ts builds the per-page ones).
  robots: indexableRobots,
  alternates: { types: feedAlternates() },
  openGraph: { type: 'website', siteName: site.name, locale: site.locale, title: site.name, description: site.description },
  twitter: { card: 'summary_large_image', title: site.name, description: site.description },
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#ffffff' },
    { media: '(prefers-color-scheme: dark)', color: '#121212' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const sections = await getSections();
  return (
    // The theme script sets data-theme and data-js before hydration, so React must not complain.
    <html lang={site.language} className={fontClasses} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body className="min-h-screen bg-paper font-serif text-ink antialiased">
        <SkipLink />
        <SiteHeader sections={sections} />
        <main id="main" tabIndex={-1} className="mx-auto max-w-6xl px-4 py-8 outline-none sm:px-6">
          {children}
        </main>
        <SiteFooter sections={sections} showSampleNote={!samplesHidden()} />
      </body>
    </html>
  );
}
