/**
 * Text handling shared by indexing, querying and highlighting, so all three split and normalise
 * words the same way (a word highlighted in a headline is exactly a word the index matched).
 * Bodies arrive as plain text (lib/mdx/plain-text.ts). Related stories split words otherwise, on
 * purpose (lib/content/topic-terms.ts): search splits "Novo-Ogaryovo" and "Belarus’s" into parts a
 * reader may type, keeps numbers and folds accents; similarity wants whole topic words.
 */

/** Longest query we look at; the rest is ignored rather than rejected. */
export const MAX_QUERY_LENGTH = 200;
/** Most distinct words a query searches for: bounds the work a long query can cause. */
export const MAX_QUERY_TERMS = 10;

/** A word character: a letter (with its combining marks) or a digit. Everything else separates words. */
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;

// Indexing 10,000 stories splits millions of words, so characters are classified by a table
// (filled lazily for the Basic Multilingual Plane) instead of a Unicode regular expression per word.
const UNKNOWN = 0;
const WORD = 1;
const SEPARATOR = 2;
const charClass = new Uint8Array(0x10000);

function isWordCode(code: number): boolean {
  if (code > 0xffff) return WORD_CHAR.test(String.fromCodePoint(code));
  let kind = charClass[code]!;
  if (kind === UNKNOWN) {
    kind = WORD_CHAR.test(String.fromCharCode(code)) ? WORD : SEPARATOR;
    charClass[code] = kind;
  }
  return kind === WORD;
}

/** Calls `visit` with the start and end of every word in `text`, and whether the word is plain ASCII. */
function scanWords(text: string, visit: (start: number, end: number, ascii: boolean) => void): void {
  let start = -1;
  let ascii = true;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      code = text.codePointAt(i)!;
      width = code > 0xffff ? 2 : 1;
    }
    if (isWordCode(code)) {
      if (start < 0) {
        start = i;
        ascii = true;
      }
      if (code > 0x7f) ascii = false;
    } else if (start >= 0) {
      visit(start, i, ascii);
      start = -1;
    }
    i += width - 1;
  }
  if (start >= 0) visit(start, text.length, ascii);
}

/** Splits text into words, as the index and the highlighter see them: letters, marks and digits; anything else separates. */
export function searchWords(text: string): string[] {
  const words: string[] = [];
  scanWords(text, (start, end) => words.push(text.slice(start, end)));
  return words;
}

/** Words with their positions, for highlighting without touching the rest of the text. */
export function wordSpans(text: string): { word: string; start: number; end: number }[] {
  const spans: { word: string; start: number; end: number }[] = [];
  scanWords(text, (start, end) => spans.push({ word: text.slice(start, end), start, end }));
  return spans;
}

// Words too common to help find a story; dropped from the index and from queries alike. Short on
// purpose: a reader may search for "said" or "year", which topic-terms.ts drops as noise.
const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have he her his in is it its of on or she that the their they this to was were will with'.split(
    ' ',
  ),
);

function fold(word: string, ascii: boolean): string | null {
  // Most words are ASCII and need no Unicode decomposition (the costly part at 10,000 stories).
  const term = ascii
    ? word.toLowerCase()
    : word
        .normalize('NFKD')
        .replace(/\p{M}+/gu, '')
        .toLowerCase();
  if (term.length < 2 || STOP_WORDS.has(term)) return null;
  return term;
}

/**
 * The indexed form of a word: lower case without accents ("Zürich" finds "Zurich" and the
 * reverse), or null for stop words and single letters.
 */
export function normalizeTerm(word: string): string | null {
  // eslint-disable-next-line no-control-regex -- the ASCII range starts at \x00 on purpose
  return fold(word, /^[\x00-\x7f]*$/.test(word));
}

/** Calls `visit` with every indexed term of `text`, in order. */
function forEachTerm(text: string, visit: (term: string) => void): void {
  // Lower-casing the whole text once is far cheaper than once per word; ASCII words are then done.
  const lower = text.toLowerCase();
  scanWords(lower, (start, end, ascii) => {
    const word = lower.slice(start, end);
    const term = ascii ? word : fold(word, false);
    if (term && term.length > 1 && !STOP_WORDS.has(term)) visit(term);
  });
}

/** The indexed terms of a text, in order and repeated as they occur (what story_search stores). */
export function indexTerms(text: string): string[] {
  const terms: string[] = [];
  forEachTerm(text, (term) => terms.push(term));
  return terms;
}

/**
 * A query as typed, made safe to use: control characters and runs of white space become one
 * space, surrounding space is trimmed, and the text is cut to MAX_QUERY_LENGTH characters
 * (code points, so a cut never splits an emoji or other astral character).
 */
export function normalizeQuery(raw: string): string {
  const cleaned = raw.replace(/[\p{Cc}\p{Cf}\p{Z}\s]+/gu, ' ').trim();
  return Array.from(cleaned).slice(0, MAX_QUERY_LENGTH).join('').trim();
}

/** The distinct search terms of a normalised query, in order, at most MAX_QUERY_TERMS. */
export function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const word of searchWords(query)) {
    const term = normalizeTerm(word);
    if (term && !terms.includes(term)) terms.push(term);
    if (terms.length === MAX_QUERY_TERMS) break;
  }
  return terms;
}

/** Prefix matching starts at three letters ("Luk" finds "Lukashenko"); shorter prefixes match too much to help. */
export const MIN_PREFIX_LENGTH = 3;

/**
 * Typos tolerated in a query term: one edit in five letters, at most two, none below five letters
 * (short words have too many neighbours: "war" would find "was" and "far") or above thirty.
 */
export function maxTypos(term: string): number {
  if (term.length < 5 || term.length > 30) return 0;
  return Math.min(2, Math.round(term.length * 0.2));
}

/** Whether an indexed word matches a query term under the rules above (prefix or few typos). */
export function termMatches(queryTerm: string, word: string): boolean {
  if (word === queryTerm) return true;
  if (queryTerm.length >= MIN_PREFIX_LENGTH && word.startsWith(queryTerm)) return true;
  const typos = maxTypos(queryTerm);
  return typos > 0 && editDistanceWithin(queryTerm, word, typos);
}

/**
 * Whether an indexed word matches any of the query terms, by the same rules as the search: what
 * the highlighter marks is what the index matched. Answers are remembered per word.
 */
export function matcherFor(queryTerms: readonly string[]): (term: string) => boolean {
  const known = new Map<string, boolean>();
  return (term) => {
    let answer = known.get(term);
    if (answer === undefined) {
      answer = queryTerms.some((q) => termMatches(q, term));
      known.set(term, answer);
    }
    return answer;
  };
}

/** Levenshtein distance <= limit, computed row by row and abandoned as soon as it must exceed it. */
function editDistanceWithin(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return false;
    previous = row;
  }
  return previous[b.length]! <= limit;
}
