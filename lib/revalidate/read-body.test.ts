import { describe, expect, it } from 'vitest';
import { BodyTooLargeError, readBodyWithLimit } from './read-body';

/** A request whose body arrives in chunks with no Content-Length, as with chunked transfer encoding. */
function chunked(chunks: number, size: number, onPull?: () => void): Request {
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull?.();
      if (sent++ < chunks) controller.enqueue(new Uint8Array(size).fill(97));
      else controller.close();
    },
  });
  return new Request('http://x/api/revalidate', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
}

describe('readBodyWithLimit', () => {
  it('returns the exact bytes of a body within the limit', async () => {
    const body = await readBodyWithLimit(new Request('http://x/', { method: 'POST', body: 'hello' }), 10);
    expect(new TextDecoder().decode(body)).toBe('hello');
  });

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const request = new Request('http://x/', { method: 'POST', body: 'small', headers: { 'content-length': '2000000' } });
    await expect(readBodyWithLimit(request, 1000)).rejects.toBeInstanceOf(BodyTooLargeError);
  });

  it('counts a chunked body with no Content-Length and stops reading once past the limit', async () => {
    let pulls = 0;
    await expect(
      readBodyWithLimit(
        chunked(1000, 1024, () => pulls++),
        10 * 1024,
      ),
    ).rejects.toBeInstanceOf(BodyTooLargeError);
    expect(pulls).toBeLessThan(20);
  });

  it('accepts a chunked body exactly at the limit', async () => {
    expect((await readBodyWithLimit(chunked(10, 1024), 10 * 1024)).byteLength).toBe(10 * 1024);
  });
});
