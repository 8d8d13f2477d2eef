import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getContentIndex } from '@/lib/content/store';
import { buildSearchIndex, FIELD_BOOSTS, recencyBoost } from '@/lib/search/engine';
import { maxTypos } from '@/lib/search/text';
import { generateContent } from './scripts/generate-content';
(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'prof-'));
  process.env.CONTENT_DIR = dir; process.env.CONTENT_WATCH = '0';
  generateContent({ count: 10000, dir });
  const c = await getContentIndex();
  const index = buildSearchIndex(c.articles, { authors: c.authors, sections: c.sections });
  const now = Date.now();
  const time = (label: string, f: () => unknown) => { f(); const t = performance.now(); for (let i = 0; i < 10; i++) f(); console.log(label, ((performance.now() - t) / 10).toFixed(1)); };
  for (const q of ['velmora', 'council']) {
    console.log(q);
    time(' exact', () => index.engine.search(q, { boost: FIELD_BOOSTS }));
    time(' +prefix', () => index.engine.search(q, { boost: FIELD_BOOSTS, prefix: true }));
    time(' +fuzzy', () => index.engine.search(q, { boost: FIELD_BOOSTS, prefix: true, fuzzy: (t) => maxTypos(t) || false }));
    time(' +boostDocument', () => index.engine.search(q, { boost: FIELD_BOOSTS, prefix: true, fuzzy: (t) => maxTypos(t) || false, boostDocument: (id: string) => { const e = index.entries.get(id); return e ? recencyBoost(e.publishedMs, now) : 1; } }));
  }
})();
