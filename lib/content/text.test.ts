import { expect, it } from 'vitest';
import { tokenize } from './text';

it('keeps topic words, drops stop words, tags, link targets, URLs and possessives', () => {
  expect(tokenize('The <PullQuote cite="x">Pipeline</PullQuote> deal [in Velmora](https://example.com/a) said Velmora’s minister, see https://x.y/z')).toEqual([
    'pipeline',
    'deal',
    'velmora',
    'velmora',
    'minister',
    'see',
  ]);
});

it('keeps accented and hyphenated words whole', () => {
  expect(tokenize('Novo-Ogaryovo café Zürich')).toEqual(['novo-ogaryovo', 'café', 'zürich']);
});
