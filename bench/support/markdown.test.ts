import { describe, expect, it } from 'vitest';
import { sectionOf, withSection } from './markdown';

const DOC = '# Bench results\n\n- Date: x\n\n## Build\n\nbuild table\n\n## Scale\n\nold scale\n\n## Lighthouse\n\nscores\n';

describe('withSection', () => {
  it('replaces only the named section, keeping the ones before and after', () => {
    const out = withSection(DOC, '## Scale', '## Scale\n\nnew scale\n');
    expect(out).toBe('# Bench results\n\n- Date: x\n\n## Build\n\nbuild table\n\n## Scale\n\nnew scale\n\n## Lighthouse\n\nscores\n');
  });
  it('adds the section at the end when there is none', () => {
    expect(withSection('# R\n\n## Build\n\nt\n', '## Scale', '## Scale\n\ns')).toBe('# R\n\n## Build\n\nt\n\n## Scale\n\ns\n');
    expect(withSection('', '## Scale', '## Scale\n\ns')).toBe('## Scale\n\ns\n');
  });
  it('replaces a last section up to the end', () => {
    expect(withSection('# R\n\n## Scale\n\nold\nlines\n', '## Scale', '## Scale\n\nnew\n')).toBe('# R\n\n## Scale\n\nnew\n');
  });
  it('does not take a ### heading or a longer name for the end or the start', () => {
    const doc = '## Scaled\n\na\n\n## Scale\n\nb\n### detail\n\nc\n';
    expect(withSection(doc, '## Scale', '## Scale\n\nz\n')).toBe('## Scaled\n\na\n\n## Scale\n\nz\n');
  });
});

describe('sectionOf', () => {
  it('returns the section with its heading, or undefined', () => {
    expect(sectionOf(DOC, '## Scale')).toBe('## Scale\n\nold scale\n');
    expect(sectionOf(DOC, '## Nothing')).toBeUndefined();
  });
  it('round-trips: putting a section back leaves the document as it was', () => {
    expect(withSection(DOC, '## Scale', sectionOf(DOC, '## Scale')!)).toBe(DOC);
  });
});
