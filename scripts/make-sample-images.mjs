// Draws the illustrations used by the sample stories (public/images/samples/*.jpg) from SVG with
// sharp, so every image in the repository has a known, reproducible origin. Run once:
//   node scripts/make-sample-images.mjs
//
// Each scene is flat, editorial-illustration art (no text, no faces) at 2400x1350 (16:9), wide enough
// for 4:5 and retina crops. Each has one subject, its focal point given above it as x, y fractions of
// the width and height. Every focal point sits between x 0.4 and 0.6, well inside the middle 55%, so
// the subject survives a centred 1:1 or 4:5 crop. Scattered details (waves, rain, ridges) come from a
// random generator seeded with the scene's name: the same script always draws the same pictures.
import sharp from 'sharp';

const W = 2400;
const H = 1350;

/** A small seeded generator (mulberry32), seeded from the scene's name. */
function seeded(name) {
  let a = [...name].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` copies of a shape, joined: `times(3, (i) => ...)`. */
const times = (n, shape) => Array.from({ length: n }, (_, i) => shape(i)).join('');

/** A gradient for `fill="url(#id)"`, from one colour to another: down the shape, or between two points of the picture. */
const gradient = (id, from, to, [x1, y1, x2, y2] = [0, 0, 0, 1]) =>
  `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"${x2 > 1 || y2 > 1 ? ' gradientUnits="userSpaceOnUse"' : ''}>` +
  `<stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient>`;

const scenes = {
  // A coastguard patrol boat under way in the foreground, a red-orange stripe on its bow, with the two
  // other navies' boats smaller on the horizon; a pale sky over a grey-blue, choppy sea.
  // Focal point: the lead boat's wheelhouse, x 0.42, y 0.55.
  'patrol-boats': (random) => {
    const boat = (x, y, s, hull, light, dark) => `<g transform="translate(${x} ${y}) scale(${s})">
      ${times(7, (i) => `<path d="M${-20 - i * 80} ${-6 - i * 7} h${-70 + i * 6}" stroke="#f4f8fb" stroke-width="${12 - i}" stroke-linecap="round" opacity="${(0.85 - i * 0.1).toFixed(2)}"/><path d="M${-40 - i * 90} ${10 + i * 5} h${-60 + i * 5}" stroke="#f4f8fb" stroke-width="${10 - i}" stroke-linecap="round" opacity="${(0.7 - i * 0.09).toFixed(2)}"/>`)}
      <path d="M0 -92 L700 -122 Q716 -122 708 -108 L612 0 L36 0 Q8 0 2 -24 Z" fill="${hull}"/>
      <path d="M18 -16 L626 -16 L612 0 L36 0 Q14 0 10 -10 Z" fill="${dark}"/>
      <path d="M470 -112 L524 -114 L458 -16 L404 -16 Z" fill="#d8613a"/>
      <path d="M540 -115 L560 -116 L492 -16 L472 -16 Z" fill="${light}"/>
      <path d="M140 -96 L140 -236 L430 -236 L478 -176 L506 -106 Z" fill="${light}"/>
      <path d="M300 -218 L424 -218 L458 -178 L300 -178 Z" fill="${dark}"/>
      <path d="M168 -214 h100 v32 h-100 Z" fill="${dark}" opacity=".75"/>
      <path d="M196 -236 L196 -296 L356 -296 L382 -236 Z" fill="${light}"/>
      <path d="M236 -282 h110 v20 h-110 Z" fill="${dark}" opacity=".75"/>
      <rect x="262" y="-430" width="12" height="136" fill="${hull}"/>
      <rect x="214" y="-388" width="108" height="10" fill="${hull}"/>
      <circle cx="268" cy="-444" r="20" fill="${light}"/>
      <path d="M274 -426 L330 -412 L274 -400 Z" fill="#d8613a"/>
      <path d="M520 -4 Q640 -60 708 -20 Q760 6 830 12 Q700 22 520 12 Z" fill="#f4f8fb"/>
    </g>`;
    // Whitecaps and ripples, sparse near the horizon and larger towards the viewer.
    const waves = times(130, () => {
      const y = 600 + random() ** 1.6 * 740;
      const depth = (y - 580) / 770;
      const x = random() * W;
      const w = 30 + depth * 150 * (0.6 + random());
      return `<path d="M${x.toFixed(0)} ${y.toFixed(0)} q${(w / 2).toFixed(0)} ${(-8 - depth * 16).toFixed(0)} ${w.toFixed(0)} 0" stroke="#9fbacd" stroke-width="${(2 + depth * 7).toFixed(1)}" stroke-linecap="round" fill="none" opacity="${(0.45 + depth * 0.4).toFixed(2)}"/>`;
    });
    const cloud = (x, y, s) =>
      `<g transform="translate(${x} ${y}) scale(${s})" fill="#f7f9fb"><ellipse cx="0" cy="0" rx="220" ry="46"/><ellipse cx="-60" cy="-34" rx="110" ry="60"/><ellipse cx="70" cy="-28" rx="90" ry="48"/></g>`;
    return `<defs>${gradient('sky', '#c3d2de', '#edf1f4')}${gradient('sea', '#6e8da3', '#2c475b')}</defs>
      <rect width="${W}" height="${H}" fill="url(#sky)"/>
      ${cloud(420, 250, 1.2)}${cloud(1900, 180, 0.9)}${cloud(1250, 380, 0.6)}
      <rect y="580" width="${W}" height="${H - 580}" fill="url(#sea)"/>
      <rect y="580" width="${W}" height="6" fill="#8aa5b8"/>
      ${waves}
      ${boat(1250, 610, 0.26, '#7b8e9d', '#d9e1e7', '#6a7d8c')}
      ${boat(1460, 648, 0.36, '#6d8190', '#dfe6eb', '#5a6e7d')}
      ${boat(700, 930, 0.98, '#33414d', '#eef1f3', '#1f2a33')}`;
  },

  // A white double-ended electric ferry (no funnel) moored at a shipyard quay, plugged into a charging
  // tower with a green light, under three orange luffing cranes, in warm morning light.
  // Focal point: the ferry's bridge, x 0.47, y 0.43.
  'ferry-yard': (random) => {
    // A luffing crane on a portal: legs on the quay, a machinery house, a boom raised at `angle` degrees.
    const crane = (x, angle, length, s, colour) => {
      const rad = (angle * Math.PI) / 180;
      const tip = { x: Math.cos(rad) * length, y: -360 - Math.sin(rad) * length };
      return `<g transform="translate(${x} 760) scale(${s})" fill="${colour}">
        <path d="M-90 0 L-40 -300 L40 -300 L90 0 L60 0 L20 -250 L-20 -250 L-60 0 Z"/>
        <rect x="-70" y="-380" width="140" height="90" rx="8"/>
        <rect x="${angle < 90 ? -110 : 40}" y="-370" width="70" height="70" rx="6" fill="#b86f1f"/>
        <path d="M0 -380 L${angle < 90 ? -30 : 30} -470 L${angle < 90 ? 10 : -10} -470 Z"/>
        <path d="M0 -350 L${tip.x.toFixed(0)} ${tip.y.toFixed(0)}" stroke="${colour}" stroke-width="20" stroke-linecap="round"/>
        <path d="M0 -470 L${tip.x.toFixed(0)} ${tip.y.toFixed(0)}" stroke="${colour}" stroke-width="5"/>
        <path d="M${tip.x.toFixed(0)} ${tip.y.toFixed(0)} v220" stroke="#4a443d" stroke-width="4"/>
        <rect x="${(tip.x - 14).toFixed(0)}" y="${(tip.y + 220).toFixed(0)}" width="28" height="22" fill="#4a443d"/>
      </g>`;
    };
    const shed = `<path d="M0 760 V440 ${times(5, (i) => `L${120 + i * 140} 360 L${140 + i * 140} 440`)} L760 440 V760 Z" fill="#e0ccaf"/>
      ${times(5, (i) => `<path d="M${20 + i * 140} 440 L${120 + i * 140} 372 L${120 + i * 140} 440 Z" fill="#efe2cf"/>`)}
      <rect x="120" y="560" width="420" height="200" fill="#cfb998"/>`;
    const glints = times(44, () => {
      const y = 1000 + random() * 330;
      const x = random() * W;
      return `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${(40 + random() * 160).toFixed(0)}" height="6" rx="3" fill="#7fa9b2" opacity=".55"/>`;
    });
    const hull = (y) => [700 + (y - 800) * 0.3, 1580 - (y - 800) * 0.3];
    const [l1, r1] = hull(930);
    return `<defs>${gradient('sky', '#f1dfc4', '#f8efe3')}${gradient('water', '#4b7f8b', '#2b5663', [0, 860, 0, H])}</defs>
      <rect width="${W}" height="${H}" fill="url(#sky)"/>
      <path d="M0 620 Q400 560 900 600 T1800 590 T2400 610 V760 H0 Z" fill="#ead8bd"/>
      ${shed}
      <rect x="1960" y="520" width="440" height="240" fill="#e0ccaf"/>
      ${crane(2060, 118, 420, 0.72, '#e6a865')}
      ${crane(520, 42, 470, 0.92, '#d98a2b')}
      ${crane(1420, 56, 440, 0.86, '#d98a2b')}
      <rect y="760" width="${W}" height="40" fill="#8a7f72"/>
      <rect y="800" width="${W}" height="60" fill="#6b6257"/>
      ${times(8, (i) => `<rect x="${120 + i * 300}" y="742" width="26" height="24" rx="6" fill="#4a443d"/>`)}
      <rect y="860" width="${W}" height="${H - 860}" fill="url(#water)"/>
      ${glints}
      <g>
        <rect x="1664" y="540" width="44" height="220" fill="#f4f1eb"/>
        <rect x="1652" y="520" width="68" height="40" rx="6" fill="#e6e1d8"/>
        <path d="M1660 560 Q1600 560 1560 640" stroke="#3d3a36" stroke-width="16" fill="none" stroke-linecap="round"/>
        <circle cx="1686" cy="494" r="48" fill="#5fbf6b" opacity=".25"/>
        <circle cx="1686" cy="494" r="22" fill="#5fbf6b"/>
      </g>
      <g>
        <path d="M700 800 L1580 800 L${r1} 930 L${l1} 930 Z" fill="#fbfaf6"/>
        <path d="M${l1} 930 L${r1} 930 L${r1 - 6} 952 L${l1 + 6} 952 Z" fill="#2f6f7c"/>
        <rect x="716" y="880" width="848" height="12" fill="#5fbf6b"/>
        <path d="M690 800 V700 H1590 V800 Z" fill="#ffffff"/>
        <rect x="720" y="722" width="840" height="56" fill="#36535c"/>
        ${times(10, (i) => `<rect x="${720 + i * 92}" y="722" width="14" height="56" fill="#ffffff"/>`)}
        <rect x="1546" y="722" width="14" height="56" fill="#ffffff"/>
        <path d="M800 700 V620 H1480 V700 Z" fill="#ffffff"/>
        ${times(14, (i) => `<rect x="${826 + i * 46}" y="644" width="30" height="30" rx="5" fill="#36535c"/>`)}
        <path d="M770 622 H1510 V606 H770 Z" fill="#e3e8e9"/>
        <path d="M990 606 V546 H1290 V606 Z" fill="#ffffff"/>
        <rect x="1006" y="562" width="268" height="28" rx="6" fill="#36535c"/>
        <path d="M960 548 H1320 V536 H960 Z" fill="#e3e8e9"/>
        <rect x="1134" y="470" width="12" height="66" fill="#9aa5a8"/>
        <rect x="1104" y="480" width="72" height="8" fill="#9aa5a8"/>
      </g>
      <rect y="952" width="${W}" height="${H - 952}" fill="url(#water)"/>
      ${times(7, (i) => `<rect x="${760 + i * 120 + (i % 2) * 30}" y="${980 + (i % 3) * 30}" width="${70 + (i % 3) * 30}" height="8" rx="4" fill="#e9f0ef" opacity=".5"/>`)}
      <rect y="952" width="${W}" height="4" fill="#2b5663" opacity=".5"/>`;
  },

  // The ice shelf on Lake Oren, its layered front edge above dark water, with a ring of red-topped sensor
  // poles; the nearest pole sends out faint rings through the ice: its hum.
  // Focal point: the nearest sensor pole, x 0.58, y 0.52.
  'ice-shelf': (random) => {
    const ring = { x: 1477, y: 720, rx: 500, ry: 190 };
    const place = (deg) => {
      const angle = (deg * Math.PI) / 180;
      const y = ring.y + ring.ry * Math.sin(angle);
      return { x: ring.x + ring.rx * Math.cos(angle), y, s: 0.34 + ((y - (ring.y - ring.ry)) / (2 * ring.ry)) * 1.06 };
    };
    const pole = ({ x, y, s }) => `<g transform="translate(${x.toFixed(0)} ${y.toFixed(0)}) scale(${s.toFixed(3)})">
        <ellipse cx="0" cy="4" rx="64" ry="13" fill="#bcd4e6"/>
        <rect x="-9" y="-260" width="18" height="262" fill="#33424d"/>
        <rect x="-34" y="-170" width="68" height="44" rx="6" fill="#4b5d6a"/>
        <circle cx="0" cy="-278" r="26" fill="#e4572e"/></g>`;
    const near = place(100);
    const poles = [160, 220, 280, 340, 40].map(place).sort((a, b) => a.y - b.y);
    const hum = times(
      4,
      (i) =>
        `<ellipse cx="${near.x.toFixed(0)}" cy="${(near.y + 4).toFixed(0)}" rx="${150 + i * 130}" ry="${34 + i * 30}" fill="none" stroke="#6fa6cc" stroke-width="${9 - i * 1.8}" opacity="${(0.8 - i * 0.17).toFixed(2)}"/>`,
    );
    const ridges = times(50, () => {
      const y = 560 + random() ** 1.4 * 480;
      const depth = (y - 540) / 500;
      const x = random() * W;
      const w = 80 + depth * 360 * (0.5 + random());
      return `<path d="M${x.toFixed(0)} ${y.toFixed(0)} q${(w / 2).toFixed(0)} ${(-4 - depth * 8).toFixed(0)} ${w.toFixed(0)} 0" stroke="#d8e7f2" stroke-width="${(2 + depth * 6).toFixed(1)}" stroke-linecap="round" fill="none"/>`;
    });
    const edge = (x) => 1080 + x * 0.04;
    const layers = ['#cfe2ef', '#e4eff7', '#b9d3e6', '#d7e8f3', '#a9c7de'];
    const face = layers
      .map(
        (colour, i) =>
          `<path d="M0 ${edge(0) + i * 30} L${W} ${edge(W) + i * 30} V${edge(W) + i * 30 + 30} L0 ${edge(0) + i * 30 + 30} Z" fill="${colour}"/>`,
      )
      .join('');
    const floes = times(
      6,
      (i) =>
        `<ellipse cx="${(200 + i * 400 + random() * 160).toFixed(0)}" cy="${(1290 + random() * 40).toFixed(0)}" rx="${(40 + random() * 60).toFixed(0)}" ry="9" fill="#dcebf5"/>`,
    );
    return `<defs>${gradient('sky', '#9fc0da', '#e6f1f8')}${gradient('ice', '#e6f0f7', '#ffffff')}</defs>
      <rect width="${W}" height="${H}" fill="url(#sky)"/>
      <circle cx="560" cy="330" r="90" fill="#f4f8fb" opacity=".8"/>
      <path d="M0 560 L260 470 L420 520 L640 430 L900 530 L1500 540 L1760 450 L1980 510 L2200 440 L2400 500 V560 Z" fill="#9ab8ce"/>
      <path d="M0 560 L380 500 L700 545 L1200 520 L1640 548 L2000 505 L2400 540 V560 Z" fill="#b8cfe0"/>
      <path d="M0 540 H${W} V${edge(W)} L0 ${edge(0)} Z" fill="url(#ice)"/>
      ${ridges}
      ${face}
      <path d="M0 ${edge(0) + 150} L${W} ${edge(W) + 150} V${H} H0 Z" fill="#2d4f67"/>
      ${floes}
      ${poles
        .filter((p) => p.y < near.y)
        .map(pole)
        .join('')}
      ${hum}
      ${pole(near)}
      ${poles
        .filter((p) => p.y >= near.y)
        .map(pole)
        .join('')}`;
  },

  // A hand drops a ticked slip into a ballot box in front of a row of Ardmoor's town houses, with one of
  // the new benches and a school crossing on the street.
  // Focal point: the slip going into the ballot box, x 0.45, y 0.42.
  'ardmoor-participatory-budget': () => {
    const colours = ['#b7c9b1', '#e4cfad', '#dcb9ab', '#adc2d1', '#cfc3dc', '#e6d6b8', '#b7c9b1', '#dcb9ab'];
    const houses = times(8, (i) => {
      const x = i * 310 - 40;
      const top = 430 + (i % 3) * 40;
      return `<g><path d="M${x} 940 V${top} L${x + 155} ${top - 120} L${x + 310} ${top} V940 Z" fill="${colours[i]}"/>
        <path d="M${x - 10} ${top + 6} L${x + 155} ${top - 134} L${x + 320} ${top + 6}" stroke="#8f7f73" stroke-width="16" fill="none"/>
        ${times(2, (r) => times(2, (c) => `<rect x="${x + 60 + c * 130}" y="${top + 60 + r * 170}" width="60" height="100" rx="4" fill="#f7f2ea" opacity=".85"/>`))}
        <rect x="${x + 125}" y="840" width="60" height="100" rx="4" fill="#8f7f73" opacity=".6"/></g>`;
    });
    // Zebra stripes across the road, seen from the pavement: bands that thin with distance.
    const crossing = times(5, (i) => {
      const y = 1330 - i * 64 + i * i * 4;
      const h = 36 - i * 4;
      return `<path d="M${1560 + i * 22} ${y} h${520 - i * 44} l-10 ${-h} h${-500 + i * 44} Z" fill="#f1ede6"/>`;
    });
    return `<defs>${gradient('sky', '#e8eef0', '#f6f1e7')}${gradient('box', '#27707c', '#1c5560', [0, 0, 1, 0])}
      <clipPath id="slot"><rect width="${W}" height="752"/></clipPath></defs>
      <rect width="${W}" height="${H}" fill="url(#sky)"/>
      ${houses}
      <rect y="940" width="${W}" height="60" fill="#d9d0c2"/>
      <rect y="1000" width="${W}" height="${H - 1000}" fill="#b9b3aa"/>
      ${crossing}
      <rect x="2116" y="760" width="12" height="240" fill="#3f3a36"/><circle cx="2122" cy="748" r="30" fill="#f0a43c"/>
      <g fill="#7b5a3f"><rect x="1740" y="860" width="320" height="24" rx="6"/><rect x="1740" y="800" width="320" height="20" rx="6"/>
        <rect x="1760" y="884" width="18" height="60"/><rect x="2022" y="884" width="18" height="60"/></g>
      <ellipse cx="1080" cy="1190" rx="360" ry="34" fill="#9f988e"/>
      <path d="M760 780 L1300 780 L1380 720 L840 720 Z" fill="#3b8a95"/>
      <path d="M960 760 L1140 760 L1170 740 L990 740 Z" fill="#0f3138"/>
      <g clip-path="url(#slot)">
        <path d="M1218 362 Q1240 352 1262 368 L1300 420 Q1290 440 1268 432 Z" fill="#c98b63"/>
        <g transform="rotate(-6 1070 560)">
          <rect x="960" y="380" width="220" height="400" rx="10" fill="#ffffff"/>
          <rect x="990" y="420" width="160" height="14" rx="7" fill="#d5d9dc"/>
          <rect x="990" y="454" width="110" height="14" rx="7" fill="#d5d9dc"/>
          <path d="M1020 546 l32 34 l58 -70" stroke="#e07a3f" stroke-width="20" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
        </g>
      </g>
      <path d="M760 780 H1300 V1180 H760 Z" fill="url(#box)"/>
      <path d="M1300 780 L1380 720 V1120 L1300 1180 Z" fill="#164650"/>
      <circle cx="1030" cy="980" r="70" fill="none" stroke="#f2c14e" stroke-width="18"/>
      <path d="M1000 980 l22 24 l40 -48" stroke="#f2c14e" stroke-width="18" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
      <path d="M1300 250 L1600 60 L1720 230 L1400 400 Z" fill="#d9a441"/>
      <path d="M1264 278 L1324 238 L1424 390 L1364 430 Z" fill="#c58f2f"/>
      <path d="M1120 360 Q1130 290 1210 270 L1320 290 Q1380 340 1350 400 L1250 420 Q1160 420 1120 360 Z" fill="#c98b63"/>
      ${times(3, (i) => `<rect x="${1096 + i * 44}" y="${340 - i * 6}" width="40" height="96" rx="20" fill="#c98b63" stroke="#b2734e" stroke-width="4" transform="rotate(-6 ${1116 + i * 44} 380)"/>`)}`;
  },

  // A triage nurse in teal scrubs, with a clipboard, stands at the lit doors of the emergency
  // department at dusk; a patient with an arm in a sling walks up, and an ambulance waits at the side.
  // Focal point: the nurse at the door, x 0.45, y 0.6.
  'kessington-hospital-triage-nurses-trial': (random) => {
    const windows = times(4, (r) =>
      times(16, (c) => {
        const x = 300 + c * 130;
        const y = 160 + r * 100;
        if (r >= 3 && x > 760 && x < 1680) return '';
        return `<rect x="${x}" y="${y}" width="84" height="60" rx="4" fill="${random() < 0.45 ? '#f3d48e' : '#7e8ca3'}"/>`;
      }),
    );
    // A standing figure, feet at y 1020, seen from the front: no face, just shapes. `arms` draws the arms.
    const person = ({ x, s = 1, coat, trousers, hair, skin, arms }) => `<g transform="translate(${x} 1020) scale(${s}) translate(0 -1020)">
      <rect x="-40" y="870" width="34" height="150" rx="14" fill="${trousers}"/><rect x="6" y="870" width="34" height="150" rx="14" fill="${trousers}"/>
      <rect x="-46" y="1008" width="44" height="20" rx="9" fill="#2a2f36"/><rect x="4" y="1008" width="44" height="20" rx="9" fill="#2a2f36"/>
      <path d="M-60 720 Q-60 690 -30 688 H30 Q60 690 60 720 L54 890 H-54 Z" fill="${coat}"/>
      <rect x="-14" y="664" width="28" height="30" fill="${skin}"/>
      <circle cx="0" cy="630" r="44" fill="${skin}"/>
      <path d="M-46 632 Q-50 578 0 578 Q50 578 46 632 Q32 602 0 602 Q-32 602 -46 632 Z" fill="${hair}"/>
      ${arms}</g>`;
    const nurse = person({
      x: 1080,
      coat: '#1f6f78',
      trousers: '#1f6f78',
      hair: '#2b211c',
      skin: '#a8745a',
      arms: `<circle cx="0" cy="586" r="24" fill="#2b211c"/>
        <rect x="-80" y="696" width="34" height="70" rx="14" fill="#1f6f78"/><rect x="-76" y="756" width="26" height="110" rx="13" fill="#a8745a"/>
        <rect x="46" y="696" width="34" height="70" rx="14" fill="#1f6f78"/><path d="M62 760 Q64 820 20 828" stroke="#a8745a" stroke-width="26" stroke-linecap="round" fill="none"/>
        <g transform="rotate(-8 20 770)"><rect x="-30" y="712" width="96" height="126" rx="8" fill="#f4f1ea"/><rect x="-6" y="704" width="48" height="16" rx="4" fill="#8a939e"/>
        <rect x="-12" y="744" width="60" height="8" rx="4" fill="#c9ccd0"/><rect x="-12" y="766" width="44" height="8" rx="4" fill="#c9ccd0"/></g>
        <circle cx="16" cy="828" r="15" fill="#a8745a"/>`,
    });
    const patient = person({
      x: 1440,
      s: 0.94,
      coat: '#7a5344',
      trousers: '#343b47',
      hair: '#6b6e73',
      skin: '#d2a587',
      arms: `<rect x="-78" y="700" width="30" height="150" rx="14" fill="#7a5344"/><circle cx="-63" cy="856" r="15" fill="#d2a587"/>
        <path d="M-34 764 L14 690" stroke="#f1efe9" stroke-width="14" stroke-linecap="round"/>
        <rect x="-46" y="752" width="104" height="56" rx="24" fill="#f1efe9"/><circle cx="66" cy="778" r="15" fill="#d2a587"/>`,
    });
    return `<defs>${gradient('sky', '#1f2d46', '#4b5f84')}${gradient('door', '#fff4d8', '#f3c978')}${gradient('spill', '#f3c978a0', '#f3c97800')}</defs>
      <rect width="${W}" height="${H}" fill="url(#sky)"/>
      ${times(60, () => `<circle cx="${(random() * W).toFixed(0)}" cy="${(random() * 120).toFixed(0)}" r="${(1.5 + random() * 2).toFixed(1)}" fill="#dfe6f2" opacity=".6"/>`)}
      <rect x="240" y="110" width="2200" height="900" fill="#c6cedb"/>
      <rect x="240" y="110" width="2200" height="24" fill="#aab4c4"/>
      ${windows}
      <rect x="1150" y="420" width="120" height="120" rx="12" fill="#ffffff"/>
      <path d="M1190 440 h40 v40 h40 v40 h-40 v40 h-40 v-40 h-40 v-40 h40 Z" transform="translate(0 -10) scale(1 1)" fill="#2b8a8f"/>
      <rect x="860" y="600" width="700" height="410" fill="#3a4456"/>
      <rect x="900" y="620" width="620" height="390" fill="url(#door)"/>
      <rect x="1200" y="620" width="20" height="390" fill="#3a4456"/>
      <rect x="900" y="840" width="620" height="8" fill="#e0b060" opacity=".6"/>
      <path d="M780 560 H1640 L1660 600 H760 Z" fill="#2e3746"/>
      <rect x="790" y="600" width="26" height="410" fill="#2e3746"/><rect x="1604" y="600" width="26" height="410" fill="#2e3746"/>
      <rect y="1010" width="${W}" height="${H - 1010}" fill="#3d4759"/>
      <path d="M900 1010 H1520 L1760 ${H} H700 Z" fill="url(#spill)"/>
      <g>
        <path d="M80 1030 V820 Q80 790 110 790 H520 L600 860 H660 Q690 860 690 890 V1030 Z" fill="#f2f3f1"/>
        ${times(8, (i) => `<rect x="${90 + i * 72}" y="930" width="36" height="40" fill="${i % 2 ? '#f2c230' : '#2f8f5b'}"/><rect x="${126 + i * 72}" y="930" width="36" height="40" fill="${i % 2 ? '#2f8f5b' : '#f2c230'}"/>`)}
        <rect x="530" y="810" width="60" height="50" fill="#7e8ca3"/>
        <rect x="240" y="770" width="80" height="22" rx="6" fill="#5b8fe0"/>
        <circle cx="190" cy="1034" r="44" fill="#22262c"/><circle cx="560" cy="1034" r="44" fill="#22262c"/>
      </g>
      ${patient}
      ${nurse}`;
  },

  // The mayor's high-backed council chair, the gold chain of office draped across it, in a panelled
  // chamber with a landscape on the wall; through the tall window, a tram on the town's new line.
  // Focal point: the chain's medallion on the chair, x 0.43, y 0.53.
  'kessington-mayor-survives-confidence-vote': () => {
    const links = times(19, (i) => {
      const t = i / 18;
      const x = 860 + t * 320;
      const y = 400 + Math.sin(t * Math.PI) * 230;
      return `<ellipse cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" rx="14" ry="10" fill="#e0b64f" stroke="#a77f24" stroke-width="4"/>`;
    });
    const panels = times(
      7,
      (i) => `<rect x="${40 + i * 340}" y="800" width="300" height="170" rx="6" fill="none" stroke="#5a3a24" stroke-width="10"/>`,
    );
    return `<defs>${gradient('wall', '#2c4a40', '#355a4e')}${gradient('glass', '#cfe0e6', '#eef2ea')}${gradient('seat', '#8c3440', '#6d2631')}</defs>
      <rect width="${W}" height="${H}" fill="url(#wall)"/>
      <rect y="770" width="${W}" height="230" fill="#6e4a31"/>
      <rect y="770" width="${W}" height="22" fill="#83593b"/>
      ${panels}
      <rect y="1000" width="${W}" height="${H - 1000}" fill="#3f2d22"/>
      <rect x="180" y="250" width="400" height="300" fill="#c9a24a"/><rect x="204" y="274" width="352" height="252" fill="#dfe6dc"/>
      <path d="M204 440 Q300 380 400 430 T556 410 V526 H204 Z" fill="#8fae8a"/><path d="M204 480 Q330 450 430 490 T556 480 V526 H204 Z" fill="#6f9070"/>
      <path d="M1480 900 V330 Q1480 140 1680 140 Q1880 140 1880 330 V900 Z" fill="#e9dfc8"/>
      <path d="M1510 880 V340 Q1510 170 1680 170 Q1850 170 1850 340 V880 Z" fill="url(#glass)"/>
      <path d="M1510 760 L1600 720 L1700 740 L1850 700 V880 H1510 Z" fill="#b8c6c4"/>
      <g><rect x="1540" y="738" width="250" height="70" rx="20" fill="#f1e5c6"/><rect x="1540" y="772" width="250" height="14" fill="#b5443a"/>
        ${times(4, (i) => `<rect x="${1560 + i * 56}" y="748" width="38" height="20" rx="4" fill="#51616a"/>`)}
        <path d="M1600 738 L1640 700 L1680 738" stroke="#51616a" stroke-width="5" fill="none"/>
        <rect x="1510" y="808" width="340" height="10" fill="#7d8584"/></g>
      <rect x="1670" y="170" width="20" height="710" fill="#e9dfc8"/><rect x="1510" y="500" width="340" height="20" fill="#e9dfc8"/>
      <path d="M1400 ${H} L1500 1000 H1870 L2100 ${H} Z" fill="#f3e3b5" opacity=".14"/>
      <ellipse cx="1020" cy="1150" rx="330" ry="40" fill="#2c1f17"/>
      <rect x="820" y="900" width="34" height="250" fill="#4f3220"/><rect x="1186" y="900" width="34" height="250" fill="#4f3220"/>
      <path d="M800 940 V330 Q800 210 1020 190 Q1240 210 1240 330 V940 Z" fill="#5c3a22"/>
      <path d="M840 900 V350 Q840 250 1020 234 Q1200 250 1200 350 V900 Z" fill="url(#seat)"/>
      <circle cx="1020" cy="178" r="26" fill="#d9ae4a"/>
      <path d="M780 890 H1260 Q1280 890 1280 914 V950 H760 V914 Q760 890 780 890 Z" fill="#7a2b35"/>
      <rect x="740" y="760" width="60" height="24" rx="10" fill="#5c3a22"/><rect x="1240" y="760" width="60" height="24" rx="10" fill="#5c3a22"/>
      <rect x="752" y="780" width="30" height="120" fill="#5c3a22"/><rect x="1258" y="780" width="30" height="120" fill="#5c3a22"/>
      <rect x="760" y="950" width="520" height="30" fill="#4f3220"/>
      ${links}
      <path d="M1020 630 V660" stroke="#a77f24" stroke-width="8"/>
      <circle cx="1020" cy="710" r="58" fill="#e0b64f" stroke="#a77f24" stroke-width="8"/>
      <circle cx="1020" cy="710" r="30" fill="none" stroke="#a77f24" stroke-width="6"/>`;
  },

  // A soldier's helmet resting on a stack of textbooks beside a pencil: service that now comes with the
  // right to study.
  // Focal point: the helmet, x 0.58, y 0.44.
  'ostrand-extends-military-service': () => {
    const book = (x, y, w, h, colour, band) => `<g>
      <rect x="${x}" y="${y}" width="${w}" height="${h}" rx="10" fill="${colour}"/>
      <rect x="${x + w - 30}" y="${y + 8}" width="22" height="${h - 16}" fill="#f3ead6"/>
      <rect x="${x + 40}" y="${y + h / 2 - 6}" width="${w * 0.4}" height="12" rx="6" fill="${band}"/>
      <rect x="${x + 40 + w * 0.45}" y="${y + h / 2 - 6}" width="40" height="12" rx="6" fill="${band}"/></g>`;
    return `<defs>${gradient('wall', '#ebe3d2', '#ddd2bd')}</defs>
      <rect width="${W}" height="${H}" fill="url(#wall)"/>
      <circle cx="1390" cy="560" r="520" fill="#f3ecdf"/>
      <rect y="980" width="${W}" height="${H - 980}" fill="#a8825a"/>
      <rect y="980" width="${W}" height="16" fill="#c29a6e"/>
      <ellipse cx="1410" cy="988" rx="440" ry="22" fill="#8d6b47"/>
      ${book(1040, 890, 720, 92, '#2c3e5c', '#c9a24a')}
      ${book(1080, 806, 650, 84, '#7b2f38', '#e2c68a')}
      ${book(1060, 734, 680, 72, '#c99a3c', '#7b5a20')}
      <path d="M1200 734 Q1190 800 1240 858 Q1390 930 1540 858 Q1590 800 1580 734" stroke="#3a4229" stroke-width="12" fill="none"/>
      <path d="M1160 736 Q1150 470 1390 452 Q1630 470 1620 736 Z" fill="#56623f"/>
      <path d="M1226 600 Q1240 500 1360 480" stroke="#6d7a52" stroke-width="30" stroke-linecap="round" fill="none"/>
      <path d="M1120 730 Q1390 770 1660 730 L1664 744 Q1390 790 1116 744 Z" fill="#434d30"/>
      <path d="M1700 740 Q1720 800 1706 860" stroke="#9aa0a6" stroke-width="5" fill="none" stroke-dasharray="6 6"/>
      <rect x="1688" y="850" width="44" height="70" rx="12" fill="#b9bec3" transform="rotate(8 1710 885)"/>
      <g transform="rotate(-8 1100 1100)">
        <path d="M700 1080 H1380 V1120 H700 Z" fill="#f0c03c"/><path d="M700 1080 H1380 V1094 H700 Z" fill="#f7d769"/>
        <path d="M1380 1080 L1450 1100 L1380 1120 Z" fill="#e9c9a0"/><path d="M1428 1094 L1450 1100 L1428 1106 Z" fill="#333"/>
        <rect x="660" y="1080" width="44" height="40" rx="6" fill="#d98a8a"/><rect x="700" y="1080" width="20" height="40" fill="#b9bec3"/></g>`;
  },

  // The Serrin in flood: the bridge is closed, one of its piers cracked and leaning with debris piled
  // against it; white aid lorries wait behind a barrier, and a fishing boat ferries crates across below.
  // Focal point: the barrier where the first lorry has stopped, x 0.47, y 0.51.
  'serrin-delta-flooding-aid-convoys': (random) => {
    const lorry = (x, y, s = 1.25) => `<g transform="translate(${x} ${y}) scale(${s})">
      <rect x="0" y="-110" width="190" height="96" rx="6" fill="#f6f6f3"/>
      <path d="M95 -84 q-18 27 0 36 q18 -9 0 -36 Z" fill="#4a90c2"/>
      <path d="M196 -80 H236 Q254 -80 260 -58 L266 -30 V-14 H196 Z" fill="#e9ebe8"/>
      <path d="M206 -72 H234 Q244 -72 248 -56 L252 -44 H206 Z" fill="#5d6f7c"/>
      <rect x="0" y="-18" width="266" height="12" fill="#555b60"/>
      <circle cx="46" cy="-4" r="20" fill="#2a2e33"/><circle cx="140" cy="-4" r="20" fill="#2a2e33"/><circle cx="226" cy="-4" r="20" fill="#2a2e33"/></g>`;
    const flow = times(70, () => {
      const y = 600 + random() ** 1.3 * 740;
      const depth = (y - 580) / 770;
      const x = random() * W;
      return `<rect x="${x.toFixed(0)}" y="${y.toFixed(0)}" width="${(40 + depth * 260 * random()).toFixed(0)}" height="${(3 + depth * 6).toFixed(0)}" rx="4" fill="#a79a7b" opacity=".7"/>`;
    });
    const trees = times(14, (i) => {
      const x = 80 + i * 170 + random() * 60;
      const r = 26 + random() * 22;
      return `<circle cx="${x.toFixed(0)}" cy="${(560 - r * 0.4).toFixed(0)}" r="${r.toFixed(0)}" fill="#6f7a5a"/>`;
    });
    const pier = (x, top = 736) =>
      `<rect x="${x - 28}" y="${top}" width="56" height="${1010 - top}" fill="#9a968c"/><rect x="${x - 60}" y="1004" width="120" height="10" rx="5" fill="#a79a7b"/>`;
    // The damaged pier: leaning, cracked, a raft of branches caught against it.
    const damaged = `<g transform="rotate(-5 1475 1010)">${pier(1475)}
      <path d="M1452 780 l18 30 l-10 24 l22 36 l-8 30 l16 40" stroke="#4f4c46" stroke-width="6" fill="none" stroke-linejoin="round"/></g>
      ${times(9, (i) => `<rect x="${1330 + i * 30}" y="${985 + (i % 3) * 9}" width="${110 + (i % 4) * 20}" height="12" rx="6" fill="${i % 2 ? '#5a4632' : '#6e5840'}" transform="rotate(${(i % 5) * 9 - 18} ${1380 + i * 30} 990)"/>`)}`;
    return `<defs>${gradient('sky', '#8f9aa2', '#d2d4cd')}${gradient('water', '#9a8b6a', '#6a5d45')}</defs>
      <rect width="${W}" height="${H}" fill="url(#sky)"/>
      <path d="M0 230 Q300 160 640 220 T1300 200 T2000 230 T2400 190 V0 H0 Z" fill="#7f8a92" opacity=".6"/>
      <path d="M1800 560 L1880 470 H2240 L2300 560 Z" fill="#8c8f85"/>
      <rect x="1930" y="420" width="240" height="80" fill="#c9c1b0"/><path d="M1910 420 L2050 360 L2190 420 Z" fill="#9b6e58"/>
      ${trees}
      <rect y="560" width="${W}" height="${H - 560}" fill="url(#water)"/>
      ${flow}
      <path d="M0 690 H420 L560 780 H0 Z" fill="#6d7450"/>
      <rect y="780" width="560" height="12" fill="#5c6244" opacity=".6"/>
      ${pier(800)}${pier(1130)}${pier(1800)}${pier(2100)}${damaged}
      <path d="M380 690 H${W} V726 H380 Z" fill="#c4c0b6"/><rect x="380" y="726" width="${W - 380}" height="10" fill="#8e8a81"/>
      ${times(4, (i) => `<path d="M${1260 + i * 90} 690 l14 -40 l14 40 Z" fill="#e07a3f"/><rect x="${1266 + i * 90}" y="664" width="16" height="7" fill="#f4f2ee"/>`)}
      <rect x="1130" y="606" width="12" height="84" fill="#3f3a36"/><rect x="1206" y="606" width="12" height="84" fill="#3f3a36"/>
      ${times(6, (i) => `<rect x="${1114 + i * 20}" y="616" width="20" height="32" fill="${i % 2 ? '#f4f2ee' : '#c8453b'}"/>`)}
      <rect x="1114" y="616" width="120" height="32" fill="none" stroke="#3f3a36" stroke-width="4"/>
      <circle cx="1136" cy="598" r="12" fill="#f2b233"/>
      ${lorry(60, 690)}${lorry(420, 690)}${lorry(770, 690)}
      <g transform="translate(640 1130) scale(1.15)">
        <path d="M0 0 H380 L340 70 H40 Z" fill="#3e6a8a"/><rect x="10" y="10" width="360" height="12" fill="#f4f2ee"/>
        <rect x="260" y="-90" width="80" height="90" fill="#f4f2ee"/><rect x="272" y="-76" width="56" height="30" fill="#5d6f7c"/>
        ${times(3, (i) => `<rect x="${40 + i * 70}" y="-56" width="62" height="56" fill="${i === 1 ? '#d9a441' : '#c78a3a'}"/>`)}
        <rect x="75" y="-108" width="62" height="52" fill="#d9a441"/>
        <path d="M-20 60 q-60 10 -140 4 M-10 40 q-40 10 -100 6" stroke="#c9bfa6" stroke-width="6" fill="none" stroke-linecap="round"/>
      </g>
      ${times(90, () => `<path d="M${(random() * W).toFixed(0)} ${(random() * H).toFixed(0)} l-14 46" stroke="#e6e8e4" stroke-width="3" opacity=".35"/>`)}`;
  },

  // Storm Halvard: a breaker bursts against the lighthouse at the end of Port Calder's breakwater under
  // a dark sky, its lamp still lit, rain driven sideways.
  // Focal point: the lighthouse and the burst of spray, x 0.58, y 0.4.
  'storm-halvard-live': (random) => {
    const clouds = times(9, (i) => {
      const x = random() * W;
      const y = 60 + random() * 380;
      return `<ellipse cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" rx="${(300 + random() * 300).toFixed(0)}" ry="${(50 + random() * 50).toFixed(0)}" fill="${i % 2 ? '#2a3341' : '#3b4656'}" opacity=".8"/>`;
    });
    // Rows of swell, nearer ones darker and taller, each crest a different length and height.
    const shades = ['#3a5160', '#334958', '#2d414f', '#283b48', '#233541', '#1f303b'];
    const swells = shades
      .map((fill, i) => {
        const y = 900 + i * 80;
        let x = -100;
        let crest = '';
        while (x < W + 100) {
          const w = 220 + random() * 260 + i * 30;
          crest += ` q${(w / 2).toFixed(0)} ${(-(24 + random() * 30 + i * 8)).toFixed(0)} ${w.toFixed(0)} 0`;
          x += w;
        }
        return `<path d="M-100 ${y}${crest} V${H} H-100 Z" fill="${fill}"/>
          <path d="M-100 ${y}${crest}" stroke="#a9bcc7" stroke-width="${4 + i * 1.5}" stroke-dasharray="${140 + i * 30} ${260 + i * 40}" stroke-dashoffset="${(random() * 300).toFixed(0)}" fill="none" opacity=".55"/>`;
      })
      .join('');
    const spray = times(40, () => {
      const a = Math.PI * (0.95 + random() * 1.1);
      const d = 120 + random() * 300;
      return `<circle cx="${(1230 + Math.cos(a) * d * 1.2).toFixed(0)}" cy="${(720 + Math.sin(a) * d).toFixed(0)}" r="${(6 + random() * 14).toFixed(0)}" fill="#e8eef2"/>`;
    });
    const rain = times(
      220,
      () =>
        `<path d="M${(random() * W).toFixed(0)} ${(random() * H).toFixed(0)} l60 -28" stroke="#c7d2db" stroke-width="3" opacity=".22"/>`,
    );
    return `<defs>${gradient('sky', '#1c232e', '#566476')}<radialGradient id="glow"><stop offset="0" stop-color="#ffe08a" stop-opacity=".55"/><stop offset="1" stop-color="#ffe08a" stop-opacity="0"/></radialGradient>${gradient('beam', '#ffe08a', '#ffe08a00', [0, 0, 1, 0])}${gradient('beam2', '#ffe08a00', '#ffe08a', [0, 0, 1, 0])}</defs>
      <rect width="${W}" height="${H}" fill="url(#sky)"/>
      ${clouds}
      <path d="M1440 270 L2400 120 V420 Z" fill="url(#beam)" opacity=".3"/>
      <path d="M1340 270 L0 80 V400 Z" fill="url(#beam2)" opacity=".3"/>
      <path d="M0 720 H300 V650 H360 V720 H420 V600 H470 V720 H560 V680 H640 V760 H0 Z" fill="#1e252e"/>
      ${times(5, (i) => `<rect x="${310 + i * 60}" y="${680 + (i % 2) * 20}" width="14" height="14" fill="#f3c96b" opacity=".8"/>`)}
      <rect y="760" width="${W}" height="${H - 760}" fill="#3f5666"/>
      <path d="M0 850 L1540 826 V900 L0 930 Z" fill="#272d35"/>
      ${times(12, (i) => `<path d="M${i * 125} ${850 - i * 2.2} v${70 - i * 1.4}" stroke="#1d2229" stroke-width="6"/>`)}
      <path d="M1320 840 L1340 300 H1440 L1460 840 Z" fill="#eef1f3"/>
      <path d="M1331 560 L1334 480 H1446 L1449 560 Z" fill="#b8423a"/>
      <path d="M1400 300 H1440 L1460 840 H1400 Z" fill="#cdd4da" opacity=".7"/>
      <rect x="1318" y="282" width="144" height="18" fill="#2a2f36"/>
      <rect x="1346" y="212" width="88" height="70" fill="#ffd66b"/>
      <rect x="1386" y="212" width="6" height="70" fill="#2a2f36"/>
      <path d="M1334 212 Q1390 150 1446 212 Z" fill="#2a2f36"/>
      <rect x="1385" y="140" width="10" height="30" fill="#2a2f36"/>
      <circle cx="1390" cy="247" r="130" fill="url(#glow)"/>
      <path d="M940 920 Q920 780 1010 720 Q1020 610 1120 620 Q1150 500 1250 540 Q1300 460 1370 540 Q1420 600 1390 680 Q1470 720 1440 800 Q1520 840 1500 920 Z" fill="#e8eef2"/>
      <path d="M990 920 Q1000 800 1080 770 Q1150 720 1230 770 Q1300 730 1360 790 Q1440 810 1450 920 Z" fill="#c9d6de"/>
      ${spray}
      ${swells}
      ${rain}`;
  },

  // The Bank of Velmora's columned portico on a still, pale morning, a gold seal in its pediment.
  // Focal point: the portico, x 0.43, y 0.44.
  'velmora-central-bank-holds-rates': () => {
    const columns = times(6, (i) => {
      const x = 620 + i * 152;
      return `<g><rect x="${x}" y="520" width="76" height="360" fill="#f1ece2"/>
        <rect x="${x + 48}" y="520" width="28" height="360" fill="#dcd3c2"/>
        <rect x="${x + 22}" y="530" width="6" height="340" fill="#e2dacb"/>
        <rect x="${x - 12}" y="500" width="100" height="22" fill="#e6dfd1"/><rect x="${x - 12}" y="872" width="100" height="18" fill="#e6dfd1"/></g>`;
    });
    const wing = (x) => `<rect x="${x}" y="540" width="420" height="420" fill="#e4ddcf"/>
      ${times(2, (r) => times(3, (c) => `<rect x="${x + 50 + c * 130}" y="${600 + r * 170}" width="60" height="120" rx="2" fill="#b8c2cc"/>`))}
      <rect x="${x}" y="530" width="420" height="20" fill="#d6cebe"/>`;
    return `<defs>${gradient('sky', '#d3e0e8', '#f5f0e6')}${gradient('shade', '#2f3e52', '#3e4e63')}</defs>
      <rect width="${W}" height="${H}" fill="url(#sky)"/>
      <ellipse cx="1900" cy="260" rx="260" ry="40" fill="#f7f5f0" opacity=".8"/><ellipse cx="1820" cy="230" rx="140" ry="40" fill="#f7f5f0" opacity=".8"/>
      <ellipse cx="420" cy="180" rx="200" ry="30" fill="#f7f5f0" opacity=".7"/>
      ${wing(140)}${wing(1460)}
      <rect x="630" y="500" width="810" height="390" fill="url(#shade)"/>
      <path d="M950 880 V660 Q950 620 1030 620 Q1110 620 1110 660 V880 Z" fill="#8a6a3a"/>
      <rect x="1026" y="630" width="8" height="250" fill="#6f5330"/>
      ${columns}
      <rect x="560" y="430" width="940" height="70" fill="#ebe4d6"/>
      <rect x="560" y="470" width="940" height="12" fill="#d6cebe"/>
      <path d="M540 432 L1030 250 L1520 432 Z" fill="#f1ece2"/>
      <path d="M610 412 L1030 272 L1450 412 Z" fill="#dcd3c2"/>
      <circle cx="1030" cy="356" r="40" fill="#c9a24a"/><circle cx="1030" cy="356" r="24" fill="none" stroke="#f1e3b8" stroke-width="6"/>
      <rect x="520" y="890" width="1020" height="26" fill="#e6dfd1"/>
      <rect x="490" y="916" width="1080" height="26" fill="#dcd3c2"/>
      <rect x="460" y="942" width="1140" height="26" fill="#d2c9b7"/>
      <rect y="968" width="${W}" height="${H - 968}" fill="#d9d1c1"/>
      ${times(9, (i) => `<path d="M${1030 + (i - 4) * 200} 968 L${1030 + (i - 4) * 640} ${H}" stroke="#c9c0ae" stroke-width="6"/>`)}
      ${[1010, 1070, 1150, 1250].map((y) => `<rect y="${y}" width="${W}" height="6" fill="#c9c0ae"/>`).join('')}
      ${[300, 1760].map((x) => `<rect x="${x - 60}" y="900" width="120" height="68" fill="#b8ad98"/><rect x="${x - 8}" y="820" width="16" height="80" fill="#6b5a44"/><circle cx="${x}" cy="760" r="110" fill="#7f9a7c"/><circle cx="${x - 30}" cy="730" r="60" fill="#93ad8f"/>`).join('')}`;
  },

  // A red-and-white border barrier raised open beside a small customs booth, the road beyond winding
  // down into the green Serrin valley under the mountains, in spring.
  // Focal point: the raised barrier, x 0.41, y 0.44.
  'velmora-ostrand-border-crossings-reopen': (random) => {
    const stripes = times(8, (i) => `<rect x="${i * 60}" y="-14" width="60" height="28" fill="${i % 2 ? '#f6f3ee' : '#c8453b'}"/>`);
    const flowers = times(120, () => {
      const y = 960 + random() ** 0.8 * 390;
      const x = random() * W;
      if (x > 820 && x < 1640 && y > 980) return '';
      return `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${(3 + ((y - 960) / 390) * 7).toFixed(1)}" fill="${random() < 0.5 ? '#f4e7a1' : '#f7f4ee'}"/>`;
    });
    const blossom = times(60, () => {
      const a = random() * Math.PI * 2;
      const d = random() * 150;
      return `<circle cx="${(360 + Math.cos(a) * d * 1.3).toFixed(0)}" cy="${(620 + Math.sin(a) * d * 0.8).toFixed(0)}" r="${(12 + random() * 14).toFixed(0)}" fill="${random() < 0.5 ? '#f2c6cf' : '#e9a9b7'}"/>`;
    });
    return `<defs>${gradient('sky', '#b4d3e6', '#eef4ec')}${gradient('road', '#8d8f90', '#65686b')}</defs>
      <rect width="${W}" height="${H}" fill="url(#sky)"/>
      <path d="M0 560 L300 360 L520 460 L820 280 L1120 430 L1400 320 L1700 450 L2000 300 L2400 480 V700 H0 Z" fill="#a5bccd"/>
      <path d="M820 280 L910 325 L870 342 L840 324 L800 346 L765 330 L730 334 Z M2000 300 L2120 354 L2080 366 L2040 350 L2000 370 L1960 352 L1910 345 Z" fill="#f2f6f8"/>
      <path d="M0 660 Q400 520 800 620 T1600 600 T2400 580 V800 H0 Z" fill="#86a78c"/>
      <path d="M0 760 Q500 640 1000 720 T2400 700 V1000 H0 Z" fill="#9cbc7d"/>
      <path d="M1560 640 Q1700 700 1900 690 T2400 740 V760 Q2100 770 1900 720 T1560 650 Z" fill="#a9cde0"/>
      <path d="M0 900 Q600 820 1200 880 T2400 860 V${H} H0 Z" fill="#7fa765"/>
      <path d="M1110 ${H} Q1160 1040 1210 900 Q1260 780 1380 730 Q1460 700 1520 690 L1540 694 Q1430 730 1360 790 Q1300 880 1560 ${H} Z" fill="url(#road)"/>
      ${times(7, (i) => {
        const t = i / 7;
        return `<rect x="${(1330 - t * 60 + Math.sin(t * 3) * 20).toFixed(0)}" y="${(1300 - i * 80).toFixed(0)}" width="${(14 - i * 1.5).toFixed(0)}" height="${(48 - i * 5).toFixed(0)}" fill="#f4f1ea" transform="rotate(${(-10 + i * 8).toFixed(0)} 1330 ${1300 - i * 80})"/>`;
      })}
      <path d="M360 860 V660" stroke="#6b4b3a" stroke-width="26"/>
      ${blossom}
      <rect x="660" y="760" width="220" height="240" fill="#f2efe8"/>
      <rect x="690" y="800" width="160" height="90" fill="#7fa6bd"/>
      <path d="M630 770 H910 L880 720 H660 Z" fill="#2f5560"/>
      <rect x="660" y="980" width="220" height="20" fill="#d8d3c8"/>
      <rect x="958" y="760" width="36" height="250" fill="#3a3f44"/>
      <rect x="930" y="740" width="92" height="60" rx="8" fill="#c8453b"/>
      <g transform="translate(976 770) rotate(-72)">${stripes}</g>
      <circle cx="976" cy="770" r="16" fill="#f6f3ee"/>
      <g transform="translate(1380 760) scale(.5)"><rect x="-70" y="-60" width="140" height="60" rx="16" fill="#4a7fa8"/><rect x="-50" y="-100" width="100" height="50" rx="14" fill="#4a7fa8"/>
        <rect x="-36" y="-90" width="72" height="30" rx="6" fill="#cfe0ea"/><circle cx="-44" cy="0" r="16" fill="#222"/><circle cx="44" cy="0" r="16" fill="#222"/></g>
      ${flowers}`;
  },
  // Inside the yard's assembly hall: a ferry's hull section on blocks under a yellow gantry crane,
  // sparks of welding at its seam, light falling from the roof windows.
  // Focal point: the welding sparks on the hull seam, x 0.5, y 0.56.
  'ferry-yard-hull-hall': (random) => {
    const sparks = times(70, () => {
      const a = -Math.PI * (0.15 + random() * 0.7);
      const d = 20 + random() ** 1.5 * 190;
      const x = 1200 + Math.cos(a) * d;
      const y = 756 - Math.sin(a) * d * -1;
      return `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${(2 + random() * 5).toFixed(1)}" fill="${random() < 0.5 ? '#ffd36b' : '#fff3c4'}"/>`;
    });
    const dust = times(
      40,
      () =>
        `<circle cx="${(random() * W).toFixed(0)}" cy="${(random() * 700).toFixed(0)}" r="${(2 + random() * 4).toFixed(1)}" fill="#f6efdc" opacity=".35"/>`,
    );
    return `<defs>${gradient('hall', '#3d4a57', '#5d6b77')}${gradient('beam', '#f8f1d8', '#f8f1d800')}${gradient('hull', '#e9eef1', '#b8c4cc')}</defs>
      <rect width="${W}" height="${H}" fill="url(#hall)"/>
      ${times(6, (i) => `<rect x="${180 + i * 380}" y="60" width="220" height="120" fill="#c9d6df"/><path d="M${180 + i * 380} 180 h220 L${420 + i * 380 + 160} 1100 h-420 Z" fill="url(#beam)" opacity=".22"/>`)}
      ${times(9, (i) => `<rect x="${i * 300}" y="0" width="26" height="1050" fill="#2c3640"/>`)}
      ${dust}
      <rect x="0" y="1040" width="${W}" height="${H - 1040}" fill="#6f767c"/>
      ${times(8, (i) => `<rect x="0" y="${1060 + i * 40}" width="${W}" height="3" fill="#7c8389"/>`)}
      <rect x="200" y="250" width="2000" height="60" fill="#e4b43c"/>
      <rect x="200" y="250" width="60" height="800" fill="#e4b43c"/><rect x="2140" y="250" width="60" height="800" fill="#e4b43c"/>
      <rect x="1360" y="310" width="120" height="70" fill="#c9962c"/><path d="M1420 380 V560" stroke="#222a31" stroke-width="8"/>
      <path d="M1390 560 h60 l-12 30 h-36 Z" fill="#c9962c"/>
      <path d="M560 600 L1840 600 Q1900 600 1880 660 L1760 960 Q1740 1000 1690 1000 L700 1000 Q650 1000 630 960 L520 660 Q505 600 560 600 Z" fill="url(#hull)"/>
      <path d="M560 600 L1840 600 L1830 640 L548 640 Z" fill="#2f6f8f"/>
      <path d="M1200 600 V1000" stroke="#9aa6ae" stroke-width="6"/>
      ${times(5, (i) => `<path d="M${760 + i * 220} 640 V990" stroke="#c9d2d8" stroke-width="4"/>`)}
      ${[700, 1020, 1380, 1700].map((x) => `<rect x="${x - 60}" y="1000" width="120" height="50" fill="#8a5a3a"/>`).join('')}
      <circle cx="1200" cy="756" r="60" fill="#ffe9a8" opacity=".35"/><circle cx="1200" cy="756" r="22" fill="#fff7d8"/>
      ${sparks}
      <rect x="1080" y="1000" width="40" height="48" fill="#3a4752"/><rect x="1060" y="1046" width="80" height="12" fill="#3a4752"/>`;
  },

  // A stack of the ferries' battery modules on a rack in the yard's electrical shop: blue cases in
  // rows, orange cables looping between them, a green status light on each.
  // Focal point: the middle of the rack, x 0.48, y 0.5.
  'ferry-yard-battery-modules': (random) => {
    const batteryModule = (x, y) => `<g transform="translate(${x} ${y})"><rect width="250" height="150" rx="10" fill="#2f5f8f"/>
      <rect x="14" y="14" width="222" height="30" rx="6" fill="#3d76ad"/>
      <circle cx="214" cy="118" r="10" fill="${random() < 0.85 ? '#5ad17a' : '#f3c04a'}"/>
      <rect x="20" y="108" width="80" height="20" rx="4" fill="#244a70"/>
      ${times(6, (i) => `<rect x="${30 + i * 34}" y="60" width="18" height="36" rx="3" fill="#27527d"/>`)}</g>`;
    const cables = times(9, (i) => {
      const x = 560 + (i % 3) * 300 + 250;
      const y = 330 + Math.floor(i / 3) * 200 + 120;
      const sag = 30 + random() * 40;
      return `<path d="M${x} ${y} q40 ${sag} 80 0" stroke="#e8772e" stroke-width="12" fill="none" stroke-linecap="round"/>`;
    });
    return `<defs>${gradient('wall', '#e8e4da', '#d5d0c3')}${gradient('floor', '#9ea4a6', '#80878a')}</defs>
      <rect width="${W}" height="${H}" fill="url(#wall)"/>
      ${times(12, (i) => `<rect x="${i * 210}" y="0" width="4" height="1000" fill="#cbc6b8"/>`)}
      <rect y="1000" width="${W}" height="${H - 1000}" fill="url(#floor)"/>
      <path d="M0 1000 H${W}" stroke="#e5c14a" stroke-width="14"/>
      <rect x="520" y="260" width="1340" height="760" fill="#4b5359"/>
      <rect x="540" y="280" width="1300" height="720" fill="#5b646b"/>
      ${[0, 1, 2].map((r) => [0, 1, 2, 3].map((c) => batteryModule(560 + c * 320, 310 + r * 230)).join('')).join('')}
      ${cables}
      <rect x="500" y="1000" width="40" height="40" fill="#3a4045"/><rect x="1840" y="1000" width="40" height="40" fill="#3a4045"/>
      <rect x="2000" y="620" width="260" height="380" rx="12" fill="#c9ccc6"/><rect x="2030" y="660" width="200" height="120" rx="6" fill="#263a46"/>
      ${times(3, (i) => `<rect x="${2050 + i * 60}" y="${690 + (i % 2) * 20}" width="40" height="${60 - (i % 2) * 20}" fill="#5ad17a"/>`)}
      <path d="M2130 1000 V820" stroke="#7d817c" stroke-width="10"/>
      <rect x="160" y="720" width="220" height="280" fill="#7b5a3f"/><rect x="160" y="700" width="220" height="28" fill="#8c6a4d"/>
      <rect x="200" y="600" width="140" height="100" fill="#2f5f8f"/>`;
  },

  // A finished ferry hull sliding down the slipway into the harbour at dawn, a wash of white water at
  // its stern, the cranes behind; gulls over the water.
  // Focal point: the hull meeting the water, x 0.52, y 0.62.
  'ferry-yard-launch': (random) => {
    const ripples = times(90, () => {
      const y = 860 + random() ** 1.4 * 480;
      const x = random() * W;
      const len = 30 + ((y - 860) / 480) * 110;
      return `<path d="M${x.toFixed(0)} ${y.toFixed(0)} h${len.toFixed(0)}" stroke="#e7eef2" stroke-width="${(2 + ((y - 860) / 480) * 5).toFixed(1)}" stroke-linecap="round" opacity=".7"/>`;
    });
    const gulls = times(6, () => {
      const x = 300 + random() * 1800;
      const y = 160 + random() * 260;
      const s = 0.6 + random() * 0.8;
      return `<path d="M${x.toFixed(0)} ${y.toFixed(0)} q${18 * s} ${-16 * s} ${36 * s} 0 q${18 * s} ${-16 * s} ${36 * s} 0" stroke="#3f4a55" stroke-width="5" fill="none" stroke-linecap="round"/>`;
    });
    return `<defs>${gradient('dawn', '#f2c7a5', '#fbe8cf')}${gradient('sea', '#6d93a8', '#3f6379')}</defs>
      <rect width="${W}" height="${H}" fill="url(#dawn)"/>
      <circle cx="1900" cy="620" r="120" fill="#fdf2df"/>
      ${[300, 620, 2100].map((x, i) => `<g fill="#d8603a"><rect x="${x}" y="${200 + i * 40}" width="34" height="${660 - i * 40}"/><rect x="${x - 160}" y="${200 + i * 40}" width="420" height="28"/><path d="M${x + 17} ${200 + i * 40} L${x + 250} ${228 + i * 40}" stroke="#d8603a" stroke-width="6"/></g>`).join('')}
      <rect y="820" width="${W}" height="${H - 820}" fill="url(#sea)"/>
      <path d="M0 780 L900 780 L1500 900 L0 900 Z" fill="#8a8f93"/>
      ${times(10, (i) => `<path d="M${60 + i * 90} 780 L${100 + i * 150} 900" stroke="#767b80" stroke-width="6"/>`)}
      <g transform="rotate(8 1250 760)">
        <path d="M700 560 L1700 560 Q1760 560 1740 610 L1640 820 L800 820 Q740 820 720 780 L660 610 Q650 560 700 560 Z" fill="#f1f3f4"/>
        <path d="M690 600 L1730 600 L1720 630 L680 630 Z" fill="#2f6f8f"/>
        <path d="M800 820 L1640 820 L1620 860 L820 860 Z" fill="#c24a35"/>
        <path d="M900 560 L900 450 L1350 450 L1420 520 L1450 560 Z" fill="#f7f8f8"/>
        <path d="M1180 470 h200 l40 40 h-240 Z" fill="#2b3c48"/>
        ${times(6, (i) => `<rect x="${930 + i * 40}" y="480" width="26" height="30" fill="#2b3c48"/>`)}
      </g>
      <path d="M1450 880 Q1600 820 1800 880 Q1900 910 2050 900 Q1800 950 1500 930 Z" fill="#f4f8fa"/>
      <path d="M1500 900 Q1650 860 1760 900" stroke="#ffffff" stroke-width="10" fill="none"/>
      ${ripples}
      ${gulls}`;
  },

  // The new ferry at the island quay at dusk, its charging arm lowered onto the deck's socket,
  // the quay lamps lit and a green light on the charging post.
  // Focal point: the charging arm on the deck, x 0.55, y 0.48.
  'ferry-yard-charging-arm': (random) => {
    const stars = times(
      50,
      () =>
        `<circle cx="${(random() * W).toFixed(0)}" cy="${(random() * 420).toFixed(0)}" r="${(1.5 + random() * 2.5).toFixed(1)}" fill="#fdf6e0" opacity="${(0.4 + random() * 0.5).toFixed(2)}"/>`,
    );
    const glints = times(80, () => {
      const y = 900 + random() ** 1.3 * 440;
      const x = random() * W;
      return `<path d="M${x.toFixed(0)} ${y.toFixed(0)} h${(20 + random() * 70).toFixed(0)}" stroke="${random() < 0.3 ? '#f4c46a' : '#7fa2bd'}" stroke-width="4" stroke-linecap="round" opacity=".7"/>`;
    });
    return `<defs>${gradient('dusk', '#1f2d4a', '#8a6a86')}${gradient('water', '#2a3e59', '#15233a')}</defs>
      <rect width="${W}" height="${H}" fill="url(#dusk)"/>
      ${stars}
      <path d="M0 820 Q400 760 900 800 T1800 780 T2400 800 V900 H0 Z" fill="#34405a"/>
      <rect y="880" width="${W}" height="${H - 880}" fill="url(#water)"/>
      ${glints}
      <rect x="1640" y="640" width="760" height="260" fill="#5b5f66"/>
      <rect x="1640" y="620" width="760" height="24" fill="#7a7f86"/>
      ${[1760, 2260].map((x) => `<rect x="${x}" y="360" width="14" height="260" fill="#2c3038"/><circle cx="${x + 7}" cy="352" r="26" fill="#f8d98a"/><circle cx="${x + 7}" cy="352" r="70" fill="#f8d98a" opacity=".18"/>`).join('')}
      <rect x="1860" y="380" width="120" height="240" rx="10" fill="#d9dcd6"/><circle cx="1920" cy="430" r="18" fill="#5ad17a"/><circle cx="1920" cy="430" r="44" fill="#5ad17a" opacity=".25"/>
      <path d="M1920 400 V320 H1460 V560" stroke="#c9cbc4" stroke-width="34" fill="none" stroke-linejoin="round"/>
      <path d="M1460 560 V600" stroke="#e8772e" stroke-width="22"/>
      <rect x="1420" y="596" width="80" height="34" rx="6" fill="#3a3f45"/>
      <path d="M380 640 L1620 640 Q1680 640 1660 690 L1580 880 L460 880 Q400 880 380 840 L330 690 Q320 640 380 640 Z" fill="#eef1f2"/>
      <path d="M350 680 L1650 680 L1640 706 L344 706 Z" fill="#2f6f8f"/>
      <path d="M460 880 L1580 880 L1566 910 L474 910 Z" fill="#c24a35"/>
      <path d="M560 640 V520 H1120 L1200 600 L1220 640 Z" fill="#f7f8f8"/>
      ${times(9, (i) => `<rect x="${590 + i * 54}" y="548" width="36" height="34" fill="#f5d58a"/>`)}
      <rect x="1360" y="620" width="200" height="20" fill="#3a3f45"/>`;
  },
};

// Scene names on the command line draw only those (node scripts/make-sample-images.mjs ice-shelf).
const only = process.argv.slice(2);
for (const [name, draw] of Object.entries(scenes).filter(([name]) => only.length === 0 || only.includes(name))) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${draw(seeded(name))}</svg>`;
  const file = `public/images/samples/${name}.jpg`;
  const { size } = await sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }).toFile(file);
  console.log(`${file} ${W}x${H} ${Math.round(size / 1024)} kB`);
}
