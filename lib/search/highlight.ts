import { plainParagraphs } from '@/lib/mdx/plain-text';
import { normalizeTerm, wordSpans } from './search-terms';

/**
 * A piece of text, marked when it is a word the search matched. Highlighting returns pieces, not
 * HTML: the page renders them as text (React escapes it) and wraps marked ones in <mark>, so no
 * query or story text is ever treated as markup, and no regular expression is built from input.
 */
export type Segment = { text: string; match: boolean };

/** Says whether a word, in its indexed form (see normalizeTerm), matched the search. */
export type WordMatcher = (term: string) => boolean;

/** Splits text into plain and matched pieces. */
export function highlight(text: string, matches: WordMatcher): Segment[] {
  const segments: Segment[] = [];
  let plainFrom = 0;
  for (const { word, start, end } of wordSpans(text)) {
    const term = normalizeTerm(word);
    if (!term || !matches(term)) continue;
    if (start > plainFrom) segments.push({ text: text.slice(plainFrom, start), match: false });
    // Adjacent matched words ("Vladimir Putin") stay separate marks but share no plain gap.
    segments.push({ text: word, match: true });
    plainFrom = end;
  }
  if (plainFrom < text.length) segments.push({ text: text.slice(plainFrom), match: false });
  return segments;
}

/**
 * A short passage of `text` around the first word `locate` accepts, with the words `mark` accepts
 * highlighted, cut at word boundaries and marked with ellipses where it was cut; undefined when no
 * word is accepted.
 */
export function excerpt(text: string, locate: WordMatcher, maxLength = 200, mark: WordMatcher = locate): Segment[] | undefined {
  const spans = wordSpans(text);
  const first = spans.find((s) => {
    const term = normalizeTerm(s.word);
    return term !== null && locate(term);
  });
  if (!first) return undefined;
  // Keep about a third of the passage before the match, so the reader sees its context.
  let start = Math.max(0, first.start - Math.floor(maxLength / 3));
  let end = Math.min(text.length, start + maxLength);
  start = Math.max(0, end - maxLength);
  if (start > 0) start = spans.find((s) => s.start >= start)?.start ?? first.start;
  if (end < text.length) {
    const last = [...spans].reverse().find((s) => s.end <= end);
    end = last && last.end > first.start ? last.end : first.end;
  }
  const passage = highlight(text.slice(start, end), mark);
  if (start > 0) passage.unshift({ text: '… ', match: false });
  if (end < text.length) passage.push({ text: ' …', match: false });
  return mergePlain(passage);
}

/** Joins neighbouring plain pieces (after adding ellipses) so the output stays minimal. */
function mergePlain(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const previous = merged.at(-1);
    if (previous && !previous.match && !segment.match) previous.text += segment.text;
    else merged.push({ ...segment });
  }
  return merged;
}

/** A passage from the first paragraph of a story's plain text with a word `locate` accepts, or undefined. */
export function bodyPassage(text: string, locate: WordMatcher, mark: WordMatcher = locate, maxLength = 200): Segment[] | undefined {
  for (const paragraph of plainParagraphs(text)) {
    const passage = excerpt(paragraph, locate, maxLength, mark);
    if (passage) return passage;
  }
  return undefined;
}
