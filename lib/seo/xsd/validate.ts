import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** The schemas in this folder; every one is local, so validation never touches the network. */
export const SCHEMAS = {
  /**
   * A sitemap of this site: the sitemaps.org urlset (the file the `sitemap` npm package ships,
   * copied here) with Google's image extension, which any story's entry may carry.
   */
  sitemap: path.join(__dirname, 'image-sitemap.xsd'),
  /** sitemaps.org sitemap index, written from the protocol. */
  siteindex: path.join(__dirname, 'siteindex.xsd'),
  /** urlset plus the Google News extension, written from Google's specification. */
  news: path.join(__dirname, 'news-sitemap.xsd'),
} as const;

export type SchemaName = keyof typeof SCHEMAS;

export type Validation = { valid: boolean; output: string };

/** Runs Debian's `xmllint --schema` on a document; `valid` is its verdict, `output` its messages. */
export function validateXml(xml: string, schema: SchemaName): Validation {
  const dir = mkdtempSync(path.join(tmpdir(), 'xmllint-'));
  try {
    const file = path.join(dir, 'document.xml');
    writeFileSync(file, xml);
    return validateFile(file, schema);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function validateFile(file: string, schema: SchemaName): Validation {
  // --nonet: a schema that tried to fetch anything would fail instead of reaching out.
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', SCHEMAS[schema], file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (install Debian's libxml2-utils): ${run.error.message}`);
  return { valid: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}

/** Well-formedness only (feeds have no schema here). */
export function checkWellFormed(xml: string): Validation {
  const run = spawnSync('xmllint', ['--nonet', '--noout', '-'], { input: xml, encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint could not run (install Debian's libxml2-utils): ${run.error.message}`);
  return { valid: run.status === 0, output: `${run.stdout}${run.stderr}`.trim() };
}
