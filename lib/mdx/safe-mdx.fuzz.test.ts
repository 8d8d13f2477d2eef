import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyComponents } from '@/components/body/bodyComponents';
import { ALLOWED_IFRAME_SRC, hostileBody, UNSAFE_HTML, verdict } from './hostile-mdx';

describe('hostile MDX, generated (issue 17, point 6)', () => {
  it('either refuses a body with a line and column, or compiles it to HTML with nothing that runs', async () => {
    await fc.assert(
      fc.asyncProperty(hostileBody, async (body) => {
        expect((await verdict(body, bodyComponents)).problem).toBeUndefined();
      }),
      { numRuns: 300, seed: 17 },
    );
  }, 120_000);

  it('is a fuzzer that can fail: a body that would render a handler or a script URL is caught', () => {
    // The judge itself, on HTML a broken safety check would let through.
    const leaks = ['<a href="javascript:alert(1)">x</a>', '<p onclick="x()">x</p>', '<iframe src="https://evil.example/"></iframe>'];
    for (const html of leaks) {
      const caught = UNSAFE_HTML.some(([, p]) => p.test(html)) || !ALLOWED_IFRAME_SRC.test(/src="([^"]*)"/.exec(html)?.[1] ?? '');
      expect(caught, html).toBe(true);
    }
  });
});
