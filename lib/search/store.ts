import { getContentIndex } from '@/lib/content/store';
import { isPublic } from '@/lib/content/visibility';
import type { Article } from '@/lib/content/schema';
import { samplesHidden } from '@/lib/site';
import { buildSearchIndex, syncSearchIndex, type SearchIndex } from './engine';

type State = {
  /** The content index version the search index reflects. */
  contentVersion: number;
  samplesHidden: boolean;
  /** When the next scheduled story becomes public: the index must then take it in. */
  validUntil: number;
  index: SearchIndex;
};

// Like the content store: one index per process, not one per route bundle.
const KEY = Symbol.for('news-rebeat.search-index');
const registry = globalThis as typeof globalThis & { [KEY]?: State };

/** The earliest publication time after `now` among stories that are not drafts. */
function nextPublication(articles: readonly Article[], now: number): number {
  let next = Infinity;
  for (const article of articles) {
    if (article.draft) continue;
    const at = Date.parse(article.publishedAt);
    if (at > now && at < next) next = at;
  }
  return next;
}

/**
 * The search index for what the public may see now. It follows the content index: when that is
 * rebuilt (a file changed) or a scheduled story's time comes, the search index is brought up to
 * date on this request, re-indexing only the stories that changed. Drafts, scheduled stories and
 * hidden samples are never in it.
 */
export async function getSearchIndex(now: number = Date.now()): Promise<SearchIndex> {
  const content = await getContentIndex();
  const hidden = samplesHidden();
  const state = registry[KEY];
  if (state && state.contentVersion === content.version && state.samplesHidden === hidden && now < state.validUntil) {
    return state.index;
  }
  // Everything below is synchronous, so two requests never update the index at once.
  const visible = content.articles.filter((a) => isPublic(a, now));
  const context = { authors: content.authors, sections: content.sections };
  let index: SearchIndex;
  if (state) {
    syncSearchIndex(state.index, visible, context);
    index = state.index;
  } else {
    index = buildSearchIndex(visible, context);
  }
  registry[KEY] = {
    contentVersion: content.version,
    samplesHidden: hidden,
    validUntil: nextPublication(content.articles, now),
    index,
  };
  return index;
}
