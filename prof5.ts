import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getContentIndex } from '@/lib/content/store';
import { buildSearchIndex, searchArticles } from '@/lib/search/engine';
import { generateContent } from './scripts/generate-content';
(async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'prof-'));
  process.env.CONTENT_DIR = dir; process.env.CONTENT_WATCH = '0';
  generateContent({ count: 10000, dir });
  const c = await getContentIndex();
  const index = buildSearchIndex(c.articles, { authors: c.authors, sections: c.sections });
  const now = Date.now();
  for (const q of ['velmora', 'port calder', 'council', 'sta', 'zzyzx']) {
    const r = searchArticles(index, { query: q, now });
    const t = performance.now();
    for (let i = 0; i < 20; i++) searchArticles(index, { query: q, now });
    console.log(q, r.total, ((performance.now() - t) / 20).toFixed(2), 'ms');
    const t2 = performance.now();
    for (let i = 0; i < 20; i++) index.engine.search(q, { boost: { title: 4 } });
    console.log('  raw minisearch exact', ((performance.now() - t2) / 20).toFixed(2), 'ms');
  }
})();
