// The framework's floor: the smallest App Router page, built with the same Next.js as the site.
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
