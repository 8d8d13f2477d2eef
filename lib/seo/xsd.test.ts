import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFile, type SchemaName } from './xsd/validate';

const dir = path.join(__dirname, 'xsd');
const schemaFor = (file: string): SchemaName =>
  file.startsWith('news') ? 'news' : file.startsWith('sitemapindex') ? 'siteindex' : 'sitemap';

// Each schema must accept a correct document and reject every known-bad one, or it proves nothing.
describe('the sitemap schemas in the repository', () => {
  for (const file of readdirSync(path.join(dir, 'known-good'))) {
    it(`${schemaFor(file)} schema accepts known-good/${file}`, () => {
      const result = validateFile(path.join(dir, 'known-good', file), schemaFor(file));
      expect(result.output).toMatch(/validates/);
      expect(result.valid).toBe(true);
    });
  }

  const bad = readdirSync(path.join(dir, 'known-bad'));
  it('has a known-bad document for every schema', () => {
    expect(new Set(bad.map(schemaFor))).toEqual(new Set(['sitemap', 'siteindex', 'news']));
  });

  for (const file of bad) {
    it(`${schemaFor(file)} schema rejects known-bad/${file}`, () => {
      const result = validateFile(path.join(dir, 'known-bad', file), schemaFor(file));
      expect(result.output).toMatch(/fails to validate/);
      expect(result.valid).toBe(false);
    });
  }

  it('sitemap schema rejects a news entry without the news schema (strict foreign elements)', () => {
    expect(validateFile(path.join(dir, 'known-good', 'news-sitemap.xml'), 'sitemap').valid).toBe(false);
  });

  it('an image entry is valid only where the image schema is imported (strict foreign elements)', () => {
    const images = path.join(dir, 'known-good', 'sitemap-images.xml');
    expect(validateFile(images, 'sitemap').valid).toBe(true);
    expect(validateFile(images, 'news').output).toMatch(/sitemap-image\/1\.1\}image': No matching global element declaration/);
  });

  it('schemas fetch nothing: every import is a local file', () => {
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.xsd'))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      expect(text).not.toMatch(/schemaLocation="https?:/);
    }
  });
});
