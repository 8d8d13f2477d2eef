import { describe, expect, it } from 'vitest';
import { sectionOf, withOtherSections, withSection } from './markdown';

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

describe('withOtherSections', () => {
  it('keeps every section of the previous file that the new report does not write, and none it does', () => {
    const previous = '# Old\n\n## Build\n\nold build\n\n## Faults\n\nfault table\n\n## Scale\n\nscale table\n';
    const report = '# Bench results\n\n## Build\n\nnew build\n';
    const out = withOtherSections(report, previous);
    expect(out).toContain('new build');
    expect(out).not.toContain('old build');
    expect(sectionOf(out, '## Faults')).toBe('## Faults\n\nfault table\n');
    expect(sectionOf(out, '## Scale')).toBe('## Scale\n\nscale table\n');
  });
});
