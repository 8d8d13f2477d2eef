// Draws the publisher logo used in structured data (public/logo.png, 512x512) from the same mark as
// app/icon.svg, with sharp, so the file has a known, reproducible origin. Run once:
//   node scripts/make-logo.mjs
// The letters are drawn as outlines of a serif "N" and "R" (no font lookup), so the output does not
// depend on which fonts the machine has.
import sharp from 'sharp';

const SIZE = 512;
const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="10" fill="#b3261e"/>
  <g fill="#ffffff">
    <!-- N -->
    <path d="M9 18h7.2l10.6 19.4V21.2L24.6 20v-2h8.2v2l-2.2 1.2V46h-3.4L15.6 25v17.8l2.2 1.2v2H9.6v-2l2.2-1.2V21.2L9 20z"/>
    <!-- R -->
    <path d="M34.2 18h12.2c6 0 9.4 2.6 9.4 7.4 0 3.6-2 5.8-5.2 6.8l4.6 10.6 2 1.2v2h-6.8l-5.2-12.6h-3v9.4l2.4 1.2v2H34.2v-2l2.2-1.2V21.2L34.2 20zm7.8 3.2v9h3.6c3.2 0 5-1.6 5-4.6 0-3-1.8-4.4-5-4.4z"/>
  </g>
</svg>`;

await sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toFile('public/logo.png');
console.log('public/logo.png');
