/**
 * Writes N valid, clearly synthetic stories (plus sections and authors) into a content directory,
 * for benchmarks and scale tests. Deterministic: the same N and seed give the same files.
 *
 *   CONTENT_DIR=/tmp/c10k npx tsx scripts/generate-content.ts --count 10000 [--seed 1]
 *
 * It refuses to write into the repository's own content/ directory.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startProgress, type OnProgress } from '@/lib/progress';

export const SECTIONS = [
  { id: 'world', name: 'World', words: ['border', 'summit', 'minister', 'treaty', 'embassy', 'ceasefire', 'refugees', 'sanctions'] },
  { id: 'politics', name: 'Politics', words: ['council', 'election', 'budget', 'coalition', 'mayor', 'referendum', 'parliament', 'vote'] },
  { id: 'business', name: 'Business', words: ['market', 'shipyard', 'profits', 'merger', 'exports', 'inflation', 'shares', 'factory'] },
  { id: 'science', name: 'Science', words: ['research', 'glacier', 'telescope', 'genome', 'vaccine', 'fossil', 'satellite', 'laboratory'] },
  {
    id: 'technology',
    name: 'Technology',
    words: ['software', 'network', 'battery', 'robots', 'privacy', 'chips', 'startup', 'encryption'],
  },
  { id: 'culture', name: 'Culture', words: ['festival', 'novel', 'museum', 'orchestra', 'theatre', 'painting', 'cinema', 'poetry'] },
  { id: 'sport', name: 'Sport', words: ['league', 'final', 'coach', 'stadium', 'marathon', 'transfer', 'season', 'record'] },
  { id: 'climate', name: 'Climate', words: ['emissions', 'flooding', 'drought', 'wind', 'solar', 'forest', 'heatwave', 'coastline'] },
  { id: 'health', name: 'Health', words: ['hospital', 'nurses', 'clinic', 'trial', 'patients', 'waiting', 'diet', 'doctors'] },
] as const;

const PLACES = [
  'Velmora',
  'Ostrand',
  'Port Calder',
  'Kessington',
  'Ardmoor',
  'Lake Oren',
  'Serrin',
  'Corvane',
  'Hallin',
  'Tarrow',
  'Mirrin',
  'Hesk',
  'Lessa',
  'Oru',
  'Arlen',
  'Sora',
];
const FIRST = [
  'Ada',
  'Bram',
  'Cleo',
  'Dev',
  'Elin',
  'Farid',
  'Greta',
  'Hugo',
  'Iris',
  'Jonas',
  'Kira',
  'Leon',
  'Mina',
  'Nils',
  'Olga',
  'Pavel',
  'Quinn',
  'Rosa',
  'Sami',
  'Tilda',
  'Umar',
  'Vera',
  'Wim',
  'Yara',
];
const LAST = [
  'Adler',
  'Brook',
  'Castell',
  'Dunmore',
  'Ekberg',
  'Falk',
  'Garrow',
  'Holt',
  'Ivers',
  'Jarl',
  'Keane',
  'Lund',
  'Marsh',
  'Novak',
  'Orme',
  'Pike',
  'Quill',
  'Rook',
  'Sand',
  'Thorne',
  'Ulm',
  'Vance',
  'Wren',
  'Yates',
];
const COMMON = [
  'the',
  'said',
  'on',
  'after',
  'officials',
  'plans',
  'new',
  'report',
  'week',
  'year',
  'people',
  'local',
  'group',
  'would',
  'could',
  'first',
  'public',
  'city',
  'state',
  'month',
];

/** Mulberry32: a small seeded PRNG, so generated sets are reproducible. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type GenerateOptions = {
  count: number;
  dir: string;
  seed?: number;
  authors?: number;
  tags?: number;
  now?: number;
  /** Called after each story file (100,000 take about 15 s); lib/progress.ts draws it. */
  onProgress?: OnProgress;
};

export function generateContent({
  count,
  dir,
  seed = 1,
  authors = 24,
  tags = 300,
  now = Date.UTC(2026, 9, 1),
  onProgress,
}: GenerateOptions) {
  const target = path.resolve(dir);
  if (target === path.resolve(process.cwd(), 'content') || target === path.resolve(__dirname, '..', 'content')) {
    throw new Error('refusing to write synthetic stories into the repository content/ directory');
  }
  const rand = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  rmSync(target, { recursive: true, force: true });
  mkdirSync(path.join(target, 'articles'), { recursive: true });
  mkdirSync(path.join(target, 'authors'), { recursive: true });

  writeFileSync(
    path.join(target, 'sections.yaml'),
    `sections:\n${SECTIONS.map((s) => `  - id: ${s.id}\n    name: ${s.name}\n    description: Synthetic ${s.name.toLowerCase()} stories for scale tests.\n`).join('')}`,
  );
  const authorIds: string[] = [];
  for (let i = 0; i < authors; i++) {
    const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
    const id = `${name.toLowerCase().replace(/\s+/g, '-')}-${i}`;
    authorIds.push(id);
    writeFileSync(
      path.join(target, 'authors', `${id}.yaml`),
      `name: ${name}\nrole: Synthetic reporter\nbio: A generated author for benchmarks; not a real person.\nsample: true\n`,
    );
  }
  const tagPool = Array.from({ length: tags }, (_, i) => `${pick(PLACES)} ${pick(SECTIONS).words[i % 8]} ${i}`);
  const span = 5 * 365 * 24 * 3600 * 1000;
  // Stories per section: the scale bench pages through the largest one without reading every file.
  const perSection: Record<string, number> = {};

  for (let i = 0; i < count; i++) {
    const section = pick(SECTIONS);
    const place = pick(PLACES);
    const topic = () => (rand() < 0.45 ? pick(section.words) : rand() < 0.5 ? pick(COMMON) : pick(PLACES).toLowerCase());
    const sentence = (n: number) => {
      const words = Array.from({ length: n }, topic);
      return `${words[0]!.charAt(0).toUpperCase()}${words.slice(1).reduce((s, w) => `${s} ${w}`, words[0]!.slice(1))}.`;
    };
    const paragraphs = Array.from({ length: 4 + Math.floor(rand() * 9) }, () =>
      Array.from({ length: 2 + Math.floor(rand() * 3) }, () => sentence(10 + Math.floor(rand() * 14))).join(' '),
    );
    const storyTags = [...new Set(Array.from({ length: 1 + Math.floor(rand() * 4) }, () => pick(tagPool)))];
    const published = new Date(now - Math.floor(rand() * span)).toISOString().replace(/\.\d{3}Z$/, '+00:00');
    const title = `Synthetic ${section.name.toLowerCase()} story ${i}: ${place} ${pick(section.words)} ${pick(section.words)}`;
    const frontMatter = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `dek: ${JSON.stringify(`Generated text for scale tests about ${place} and its ${pick(section.words)}; not real reporting.`)}`,
      `section: ${section.id}`,
      `tags: ${JSON.stringify(storyTags)}`,
      `authors: [${pick(authorIds)}]`,
      `publishedAt: ${published}`,
      `dateline: ${place}`,
      'sample: true',
      '---',
    ];
    writeFileSync(path.join(target, 'articles', `synthetic-${i}.mdx`), `${frontMatter.join('\n')}\n\n${paragraphs.join('\n\n')}\n`);
    perSection[section.id] = (perSection[section.id] ?? 0) + 1;
    onProgress?.(i + 1, count);
  }
  return { dir: target, count, authors, tags, perSection };
}

function cli() {
  const args = process.argv.slice(2);
  const flag = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const count = Number(flag('count') ?? '1000');
  const dir = flag('out') ?? process.env.CONTENT_DIR;
  if (!dir) throw new Error('name the target directory with CONTENT_DIR or --out');
  if (!Number.isInteger(count) || count < 1) throw new Error(`--count must be a positive whole number, got ${flag('count')}`);
  const started = Date.now();
  const progress = startProgress('generating');
  const result = generateContent({ count, dir, seed: Number(flag('seed') ?? '1'), onProgress: progress.update });
  progress.finish();
  console.log(`wrote ${result.count} stories, ${result.authors} authors to ${result.dir} in ${Date.now() - started} ms`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  try {
    cli();
  } catch (error) {
    console.error(`generate-content: ${(error as Error).message}`);
    process.exit(1);
  }
}
