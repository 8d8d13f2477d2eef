import { MIN_PREFIX_LENGTH, maxTypos } from './search-terms';
import type { Vocabulary } from './vocabulary';

/** How much a prefix or a typo match counts against the exact word (MiniSearch's defaults). */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;
/** Most indexed words one query term stands for: "sta" must not become an OR of thousands. */
const MAX_EXPANSIONS = 24;

/** A query term and the indexed words it stands for, each with how much it counts (exact = 1). */
export type TermGroup = { term: string; words: Map<string, number> };

/**
 * The indexed words a query term stands for: the word itself (always, so a word added by another
 * process is found before the vocabulary reloads), words it begins (from three letters) and
 * words within its typo allowance, less the further they are; the strongest MAX_EXPANSIONS.
 */
export function expandTerm(vocabulary: Vocabulary, term: string): TermGroup {
  const found = new Map<string, { weight: number; stories: number }>();
  if (term.length >= MIN_PREFIX_LENGTH) {
    for (const [word, stories] of vocabulary.atPrefix(term)) {
      const extra = word.length - term.length;
      if (extra > 0) found.set(word, { weight: (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * extra), stories });
    }
  }
  const typos = maxTypos(term);
  if (typos > 0) {
    for (const [word, [stories, distance]] of vocabulary.fuzzyGet(term, typos)) {
      if (distance > 0 && !found.has(word)) found.set(word, { weight: (FUZZY_WEIGHT * term.length) / (term.length + distance), stories });
    }
  }
  const strongest = [...found]
    .sort(([a, x], [b, y]) => y.weight - x.weight || y.stories - x.stories || (a < b ? -1 : 1))
    .slice(0, MAX_EXPANSIONS);
  return { term, words: new Map([[term, 1], ...strongest.map(([word, { weight }]): [string, number] => [word, weight])]) };
}

/** A group as FTS5 query syntax: its words OR-ed (words are letters and digits, so quoting is enough). */
export function groupQuery(group: TermGroup): string {
  return `(${[...group.words.keys()].map((w) => `"${w}"`).join(' OR ')})`;
}

/** How much the best word of a group other than the term itself counts. */
export function expansionWeight(group: TermGroup): number {
  let best = 0;
  for (const [word, weight] of group.words) if (word !== group.term) best = Math.max(best, weight);
  return best;
}
