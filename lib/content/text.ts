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

/** Lowercase word tokens of prose, without MDX tags, URLs, numbers or stop words. */
export function tokenize(text: string): string[] {
  // One pass: tags, link targets and URLs are matched and skipped, words are kept.
  const tokens: string[] = [];
  for (const match of text.toLowerCase().matchAll(TOKEN)) {
    let word = match[1];
    if (!word) continue;
    if (word.endsWith("'s") || word.endsWith('’s')) word = word.slice(0, -2);
    if (word.length > 2 && !STOP_WORDS.has(word)) tokens.push(word);
  }
  return tokens;
}

const TOKEN = /<[^>]*>|\]\([^)]*\)|https?:\/\/\S+|(\p{L}[\p{L}'’-]*\p{L})/gu;
