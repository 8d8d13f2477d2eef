// Draws the illustrations used by the sample stories (public/images/samples/*.jpg) from SVG with
// sharp, so every image in the repository has a known, reproducible origin. Run once:
//   node scripts/make-sample-images.mjs
import sharp from 'sharp';

const W = 1600;
const H = 900;

const images = {
  // Three patrol boats on a grey-blue sea under a pale sky.
  'patrol-boats': `
    <rect width="${W}" height="${H}" fill="#dfe7ee"/>
    <rect y="520" width="${W}" height="380" fill="#5d7d96"/>
    ${[0, 1, 2]
      .map(
        (i) => `<g transform="translate(${260 + i * 420} ${470 + (i % 2) * 40})">
      <path d="M0 60 L300 60 L260 110 L30 110 Z" fill="#2b3a47"/>
      <rect x="90" y="10" width="120" height="50" fill="#f4f4f4"/>
      <rect x="140" y="-30" width="10" height="40" fill="#2b3a47"/></g>`,
      )
      .join('')}
    ${Array.from({ length: 14 }, (_, i) => `<path d="M${i * 120} ${640 + (i % 3) * 60} q60 -18 120 0" stroke="#a9c0d2" stroke-width="6" fill="none"/>`).join('')}`,
  // An electric ferry at a quay with cranes.
  'ferry-yard': `
    <rect width="${W}" height="${H}" fill="#f2e9dc"/>
    <rect y="600" width="${W}" height="300" fill="#3f6e7a"/>
    <rect x="0" y="560" width="${W}" height="40" fill="#6b6257"/>
    ${[0, 1, 2].map((i) => `<g transform="translate(${200 + i * 480} 160)"><rect x="0" y="0" width="24" height="400" fill="#d98a2b"/><rect x="0" y="0" width="260" height="22" fill="#d98a2b"/><rect x="220" y="22" width="6" height="140" fill="#333"/></g>`).join('')}
    <path d="M420 600 L1180 600 L1120 700 L470 700 Z" fill="#ffffff"/>
    <rect x="560" y="520" width="460" height="80" fill="#ffffff"/>
    <rect x="600" y="545" width="380" height="26" fill="#3f6e7a"/>
    <circle cx="1080" cy="500" r="34" fill="#7cc47f"/>`,
  // Layered blue-white ice shelf with sensor markers.
  'ice-shelf': `
    <rect width="${W}" height="${H}" fill="#cfe3f1"/>
    <path d="M0 420 L1600 360 L1600 900 L0 900 Z" fill="#f7fbff"/>
    ${Array.from({ length: 9 }, (_, i) => `<path d="M0 ${470 + i * 48} L1600 ${410 + i * 52}" stroke="#a8c8e0" stroke-width="${3 + (i % 3)}"/>`).join('')}
    ${Array.from({ length: 6 }, (_, i) => `<g transform="translate(${200 + i * 230} ${400 - i * 8})"><rect x="-6" y="-60" width="12" height="60" fill="#33424d"/><circle cx="0" cy="-66" r="14" fill="#e4572e"/></g>`).join('')}`,
};

for (const [name, body] of Object.entries(images)) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${body}</svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 82, mozjpeg: true }).toFile(`public/images/samples/${name}.jpg`);
  console.log(`public/images/samples/${name}.jpg`);
}
