import { expect, it } from 'vitest';
import { compileBodyCode } from '@/lib/mdx/compile';
import { topicTerms } from './topic-terms';

it('keeps topic words of the plain text, drops stop words, tags, link targets, URLs and possessives', async () => {
  const body =
    'The <PullQuote cite="x">Pipeline</PullQuote> deal [in Velmora](https://example.com/a) said Velmora’s minister, see https://x.y/z';
  expect(topicTerms((await compileBodyCode(body)).text)).toEqual(['pipeline', 'deal', 'velmora', 'velmora', 'minister', 'see']);
});

it('keeps accented and hyphenated words whole', () => {
  expect(topicTerms('Novo-Ogaryovo café Zürich')).toEqual(['novo-ogaryovo', 'café', 'zürich']);
});
