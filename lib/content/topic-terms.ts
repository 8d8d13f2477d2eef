/*
 * The words related stories compare (related-ranking.ts). Not search's tokenizer (lib/search/search-terms.ts),
 * on purpose: search must find any word a reader might type, so it keeps "said" or "year", splits
 * "Novo-Ogaryovo" and "Velmora’s" into findable parts and folds accents; similarity wants topics, so
 * this keeps hyphenated words whole, drops possessives, words of two letters and a longer stop list
 * of words common to every news story. Both read the same plain text (plain-text.ts).
 */

/** Words that carry no topic: left out of similarity so "the" and "said" match nothing. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers him his how i if in into is it its itself just me more most my no nor not now of off on ' +
    'once only or other our out over own said same says she should so some such than that the their them then ' +
    'there these they this those through to too under until up very was we were what when where which while who ' +
    'whom why will with would you your new one two three year years week weeks month months day days told'
  ).split(' '),
);

const NON_ASCII_LETTER = /\p{L}/u;

/** Lowercase ASCII letters fast; anything beyond ASCII asks the Unicode letter class. */
function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code >= 97 && code <= 122) return true;
  return code > 127 && NON_ASCII_LETTER.test(text[index]!);
}

/**
 * Lowercase topic words of plain text (plain-text.ts): no numbers, possessive 's or stop words.
 * A hand-written scanner: it runs over every story's text on each index build.
 */
export function topicTerms(text: string): string[] {
  const lower = text.toLowerCase();
  const tokens: string[] = [];
  const length = lower.length;
  let i = 0;
  while (i < length) {
    if (!isLetterAt(lower, i)) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < length) {
      const c = lower.charCodeAt(end);
      // Apostrophes and hyphens join letters (velmora’s, novo-ogaryovo) but never end a word.
      if (isLetterAt(lower, end) || ((c === 39 || c === 8217 || c === 45) && end + 1 < length && isLetterAt(lower, end + 1))) end++;
      else break;
    }
    let word = lower.slice(i, end);
    i = end;
    if (word.endsWith("'s") || word.endsWith('’s')) word = word.slice(0, -2);
    if (word.length > 2 && !STOP_WORDS.has(word)) tokens.push(word);
  }
  return tokens;
}
