import { afterEach, describe, expect, it, vi } from 'vitest';
import { CARD_CHARACTERS, clampText, drawableText, headlineSize, shareImage } from './share-image';

afterEach(() => vi.restoreAllMocks());

const realFetch = globalThis.fetch;

/**
 * Watches fetch for network requests. next/og loads its own WebAssembly through `data:` URLs
 * (no network), so those pass through; any other request fails and is recorded.
 */
function watchNetwork() {
  const requests: string[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.startsWith('data:')) return realFetch(input, init);
    requests.push(url);
    return Promise.reject(new Error(`no network in tests: ${url}`));
  });
  return requests;
}

function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('share cards', () => {
  it('are 1200x630 PNGs drawn from the bundled fonts alone', async () => {
    const requests = watchNetwork();
    const image = await shareImage({ kicker: 'World', headline: 'Harbour lights return to Port Calder', note: '18 Feb 2023' });
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await image.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    expect(requests).toEqual([]);
  });

  // next/og downloads a font for any glyph the bundled ones lack; the card must never need that.
  it('draw every character they allow in both faces without fetching anything', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const requests = watchNetwork();
    const chars: string[] = [];
    for (const [from, to] of CARD_CHARACTERS) for (let cp = from; cp <= to; cp++) chars.push(String.fromCodePoint(cp));
    const printable = drawableText(chars.join(''));
    expect(printable.length).toBeGreaterThan(700);
    for (let i = 0; i < printable.length; i += 120) {
      const chunk = printable.slice(i, i + 120);
      // The headline is set in Source Serif 4, the standfirst and the (upper-cased) kicker in Inter.
      const image = await shareImage({ kicker: chunk.slice(0, 50), headline: chunk, standfirst: chunk });
      await image.arrayBuffer();
    }
    expect(requests).toEqual([]);
  }, 120_000);

  it('leave off what the fonts cannot draw, so a headline with emoji or another script fetches nothing', async () => {
    expect(drawableText('Łódź votes 🎉 on 東京 trains\u200d\u2011now')).toBe('Łódź votes on trains-now');
    const requests = watchNetwork();
    await (await shareImage({ kicker: 'World 🌍', headline: 'Ferries 🚢 return to 東京 harbour' })).arrayBuffer();
    expect(requests).toEqual([]);
  });

  it('shorten long headlines at a word and size type by length', () => {
    const long = 'word '.repeat(60).trim();
    const clamped = clampText(long, 140);
    expect(clamped.length).toBeLessThanOrEqual(140);
    expect(clamped.endsWith('word…')).toBe(true);
    expect(clampText('Short', 140)).toBe('Short');
    expect(headlineSize('x'.repeat(40))).toBeGreaterThan(headlineSize('x'.repeat(130)));
  });
});
