import { describe, expect, it } from 'vitest';
import { isDecodablePath, methodAllowed, rawPathOf } from './request-guard';

describe('isDecodablePath', () => {
  it('accepts plain, encoded and unicode paths', () => {
    for (const p of ['/', '/articles/x', '/tags/caf%C3%A9', '/%E4%B8%AD%E6%96%87', '/..%2f..%2fetc%2fpasswd', '/%00']) {
      expect(isDecodablePath(p), p).toBe(true);
    }
  });

  it('refuses malformed percent-encoding and invalid UTF-8', () => {
    for (const p of ['/%ff', '/articles/%c3%28', '/%e2%82', '/%', '/%zz', '/x%']) expect(isDecodablePath(p), p).toBe(false);
  });
});

describe('rawPathOf', () => {
  it('keeps the encoding and drops the query', () => {
    expect(rawPathOf('http://127.0.0.1:3000/articles/%ff?x=%zz')).toBe('/articles/%ff');
    expect(rawPathOf('http://h/')).toBe('/');
  });
});

describe('methodAllowed', () => {
  it('lets pages be read only, and API routes choose for themselves', () => {
    expect(methodAllowed('GET', '/world')).toBe(true);
    expect(methodAllowed('HEAD', '/')).toBe(true);
    for (const m of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      expect(methodAllowed(m, '/articles/x'), m).toBe(false);
      expect(methodAllowed(m, '/api/revalidate'), m).toBe(true);
    }
    expect(methodAllowed('POST', '/apiary')).toBe(false);
  });
});
