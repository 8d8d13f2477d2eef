import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { bodyComponents } from '@/components/body/bodyComponents';
import { checkBody, compileBody } from './compile';

const figure = (name: string, extra = '') =>
  `<Figure src="/images/samples/${name}.jpg" alt="Illustration of ${name}." width={2400} height={1350} caption="${name} caption." credit="Illustration for News Rebeat"${extra} />`;

async function issues(body: string): Promise<string[]> {
  return (await checkBody(body)).issues.map((i) => `${i.line}:${i.column} ${i.message}`);
}

describe('<Figure size>', () => {
  it('accepts wide and inline', async () => {
    expect(await issues(figure('a', ' size="wide"'))).toEqual([]);
    expect(await issues(figure('a', ' size="inline"'))).toEqual([]);
  });

  it('refuses any other size, saying which it takes', async () => {
    const found = await issues(`Text.\n\n${figure('a', ' size="huge"')}`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^3:\d+ <Figure> size: expected "wide" .* or "inline" .*got "huge"$/);
  });
});

describe('<Gallery>', () => {
  const gallery = (inside: string[], open = '<Gallery caption="The yard.">') => [open, ...inside, '</Gallery>'].join('\n');

  it('accepts Figures, one per line, with blank lines and comments between them', async () => {
    const body = gallery([`  ${figure('one')}`, '', '  {/* the second */}', `  ${figure('two')}`]);
    const checked = await checkBody(body);
    expect(checked.issues).toEqual([]);
    // Its pictures are in the references, so the site checks (file, size, GPS) and renditions apply.
    expect(checked.references?.images.map((i) => [i.src, i.line])).toEqual([
      ['/images/samples/one.jpg', 2],
      ['/images/samples/two.jpg', 5],
    ]);
  });

  it('accepts Figures written on one line, and no caption', async () => {
    expect(await issues(`<Gallery>${figure('one')}${figure('two')}</Gallery>`)).toEqual([]);
  });

  it('renders a labelled, focusable strip of captioned figures', async () => {
    const { Content } = await compileBody(gallery([figure('one'), figure('two'), figure('three')]));
    const html = renderToStaticMarkup(createElement(Content, { components: bodyComponents }));
    expect(html).toContain('role="region"');
    expect(html).toContain('aria-label="Gallery: The yard."');
    expect(html).toContain('tabindex="0"');
    expect(html.match(/<li/g)).toHaveLength(3);
    expect(html.match(/class="gallery-item"/g)).toHaveLength(3);
    for (const name of ['one', 'two', 'three']) expect(html).toContain(`${name} caption.`);
    expect(html.match(/Illustration for News Rebeat/g)).toHaveLength(3);
    // Three: the first spans the desktop grid's two columns.
    expect(html.match(/class="gallery-lead"/g)).toHaveLength(1);
  });

  it('refuses text between its tags, with the line and what it expected', async () => {
    expect(await issues(gallery([figure('one'), '', 'A stray sentence here.', '', figure('two')]))).toEqual([
      '4:1 <Gallery> takes only <Figure ... /> between its tags, one per line: found text "A stray sentence here."',
    ]);
  });

  it('refuses other components between its tags', async () => {
    expect(await issues(gallery([figure('one'), '<PullQuote>Quoted.</PullQuote>', figure('two')]))).toEqual([
      '3:1 <Gallery> takes only <Figure ... /> between its tags, one per line: found <PullQuote>',
    ]);
    expect(await issues(gallery([figure('one'), figure('two'), gallery([figure('three'), figure('four')], '<Gallery>')]))).toEqual([
      '4:1 <Gallery> takes only <Figure ... /> between its tags, one per line: found <Gallery>',
    ]);
  });

  it('refuses Markdown between its tags', async () => {
    expect(await issues(gallery([figure('one'), '', '## A heading', '', figure('two')]))).toEqual([
      '4:1 <Gallery> takes only <Figure ... /> between its tags, one per line: found text "A heading"',
    ]);
  });

  it('refuses a size on its figures: the gallery decides', async () => {
    const found = await issues(gallery([figure('one'), figure('two', ' size="wide"')]));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^3:\d+ <Figure> inside <Gallery> takes no size: the gallery sets the size of its pictures/);
  });

  it('needs two pictures at least and takes twelve at most', async () => {
    expect(await issues(gallery([figure('one')]))).toEqual(['1:1 <Gallery> needs at least 2 <Figure ... /> between its tags, found 1']);
    expect(await issues(gallery([]))).toEqual(['1:1 <Gallery> needs at least 2 <Figure ... /> between its tags, found 0']);
    const many = Array.from({ length: 13 }, (_, i) => figure(`p${i}`));
    expect(await issues(gallery(many))).toEqual(['1:1 <Gallery> takes at most 12 <Figure ... />, found 13: make two or leave some out']);
  });

  it('still checks each Figure inside it', async () => {
    const found = await issues(gallery([figure('one'), '<Figure src="/images/x.jpg" alt="" width={10} height={10} credit="c" />']));
    expect(found).toEqual(['3:29 <Figure> alt: expected alt text describing the image, got an empty value']);
  });

  it('refuses unknown attributes on the gallery', async () => {
    const found = await issues(gallery([figure('one'), figure('two')], '<Gallery columns={3}>'));
    expect(found).toEqual(['1:10 <Gallery> has no attribute "columns": expected caption']);
  });
});
