import { describe, expect, it } from 'vitest';
import { EMBED_FRAME_HOSTS } from '../mdx/embed';
import { liveEditorCsp } from '../preview/editor-csp';
import { securityHeaders, siteCsp } from './headers';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );
}

describe('site CSP', () => {
  const csp = directives(siteCsp);

  it('never allows eval; only the live editor does', () => {
    expect(csp.get('script-src')).not.toContain("'unsafe-eval'");
    expect(directives(liveEditorCsp).get('script-src')).toContain("'unsafe-eval'");
  });

  it('frames exactly the embed providers and may not be framed', () => {
    expect(csp.get('frame-src')).toEqual([...EMBED_FRAME_HOSTS]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('loads images from itself and data: only, and no plugins', () => {
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
  });

  it('has no hash beside unsafe-inline (a hash would silently disable it)', () => {
    expect(csp.get('script-src')?.some((v) => v.startsWith("'sha256-"))).toBe(false);
  });
});

describe('security headers', () => {
  it('names each header once', () => {
    const keys = securityHeaders.map((h) => h.key.toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(
      expect.arrayContaining([
        'content-security-policy',
        'strict-transport-security',
        'x-content-type-options',
        'referrer-policy',
        'permissions-policy',
        'x-frame-options',
      ]),
    );
  });
});
