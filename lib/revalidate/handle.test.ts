import { describe, expect, it, vi } from 'vitest';
import type { Story } from '@/lib/content/schema';
import { githubSignature } from '@/lib/security/secrets';
import { handleRevalidate, type RefreshedIndex, type RevalidateDeps, type RevalidateResponse } from './handle';

const SECRET = 'webhook-secret';

const harbour: Story = {
  slug: 'harbour',
  title: 'Harbour',
  dek: 'Dek.',
  section: 'business',
  tags: ['Port Calder'],
  authors: ['ana-ruiz'],
  publishedAt: '2024-05-01T10:00:00Z',
  draft: false,
  sample: false,
  file: 'content/articles/harbour.mdx',
  text: '',
  wordCount: 1,
};

function setup(overrides: Partial<RevalidateDeps> = {}) {
  const calls: [string, string | undefined][] = [];
  const index: RefreshedIndex = {
    publicStory: (slug) =>
      slug === harbour.slug ? { sections: [harbour.section], tags: harbour.tags, authors: harbour.authors } : undefined,
    isBroken: () => false,
    isKnown: (slug) => slug === harbour.slug,
    listedUnder: () => undefined,
    storiesBy: () => [],
    storiesSharing: () => [],
    listingPages: () => 1,
    sitemapParts: () => 0,
    livePages: () => 0,
    problemsOf: () => [],
  };
  const refresh = vi.fn<RevalidateDeps['refresh']>(() => Promise.resolve(index));
  const deps: RevalidateDeps = {
    secret: SECRET,
    refresh,
    revalidate: (path, type) => void calls.push([path, type]),
    ...overrides,
  };
  return { deps, calls, refresh };
}

const push = (files: string[]) => JSON.stringify({ ref: 'refs/heads/main', commits: [{ added: files, modified: [], removed: [] }] });

function githubRequest(body: string, secret = SECRET, event = 'push') {
  const bytes = new TextEncoder().encode(body);
  return new Request('http://site/api/revalidate', {
    method: 'POST',
    body: bytes,
    headers: { 'content-type': 'application/json', 'x-github-event': event, 'x-hub-signature-256': githubSignature(bytes, secret) },
  });
}

/** The JSON body handleRevalidate answered with: its result, or the error of a refusal. */
const resultOf = async (response: Response) => (await response.json()) as RevalidateResponse;
const errorOf = async (response: Response) => ((await response.json()) as { error: string }).error;

function bearerRequest(body: string, token = SECRET) {
  return new Request('http://site/api/revalidate', { method: 'POST', body, headers: { authorization: `Bearer ${token}` } });
}

describe('POST /api/revalidate', () => {
  it('accepts a correctly signed GitHub push and revalidates exactly the affected pages', async () => {
    const { deps, calls, refresh } = setup();
    const response = await handleRevalidate(githubRequest(push(['content/articles/harbour.mdx', 'README.md'])), deps);
    expect(response.status).toBe(200);
    const body = await resultOf(response);
    expect(body.revalidated).toEqual([
      '/',
      '/articles/harbour',
      '/atom.xml',
      '/authors/ana-ruiz',
      '/authors/ana-ruiz/page/2',
      '/business',
      '/business/atom.xml',
      '/business/feed.json',
      '/business/feed.xml',
      '/business/page/2',
      '/feed.json',
      '/feed.xml',
      '/news-sitemap.xml',
      '/sitemap.xml',
      '/sitemaps/1.xml',
      '/tags/port-calder',
      '/tags/port-calder/page/2',
    ]);
    expect(body.ignored).toEqual(['README.md']);
    expect(calls.map(([p]) => p)).toEqual(body.revalidated);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(refresh).toHaveBeenCalledWith([{ kind: 'story', slug: 'harbour' }]);
  });

  it('accepts a bearer token with a JSON list of files', async () => {
    const { deps, calls } = setup();
    const response = await handleRevalidate(bearerRequest('{"files":["content/articles/harbour.mdx"]}'), deps);
    expect(response.status).toBe(200);
    expect(calls).toContainEqual(['/articles/harbour', undefined]);
  });

  it('refuses a wrongly signed webhook with 401 and revalidates nothing', async () => {
    const { deps, calls, refresh } = setup();
    const response = await handleRevalidate(githubRequest(push(['content/articles/harbour.mdx']), 'wrong-secret'), deps);
    expect(response.status).toBe(401);
    expect(await errorOf(response)).toMatch(/X-Hub-Signature-256 does not match/);
    expect(calls).toEqual([]);
    expect(refresh).not.toHaveBeenCalled();
  });

  it('refuses a signature over a different body (tampered payload)', async () => {
    const { deps, calls } = setup();
    const signed = githubRequest(push(['content/articles/x.mdx']));
    const tampered = new Request(signed.url, { method: 'POST', headers: signed.headers, body: push(['content/sections.yaml']) });
    expect((await handleRevalidate(tampered, deps)).status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('refuses a wrong or missing token, and everything when no secret is configured', async () => {
    const { deps, calls } = setup();
    expect((await handleRevalidate(bearerRequest('{"files":[]}', 'nope'), deps)).status).toBe(401);
    expect((await handleRevalidate(new Request('http://site/x', { method: 'POST', body: '{"files":[]}' }), deps)).status).toBe(401);
    const unset = setup({ secret: undefined });
    expect((await handleRevalidate(bearerRequest('{"files":[]}', ''), unset.deps)).status).toBe(401);
    expect((await handleRevalidate(githubRequest(push([]), ''), unset.deps)).status).toBe(401);
    expect([...calls, ...unset.calls]).toEqual([]);
  });

  it('answers 405 to anything but POST', async () => {
    const { deps } = setup();
    const response = await handleRevalidate(new Request('http://site/api/revalidate'), deps);
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('answers 413 to a body over 1 MB, even without Content-Length', async () => {
    const { deps, calls } = setup();
    const big = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(32));
        controller.close();
      },
    });
    const request = new Request('http://site/api/revalidate', {
      method: 'POST',
      body: big,
      headers: { authorization: `Bearer ${SECRET}` },
      duplex: 'half',
    } as RequestInit);
    expect((await handleRevalidate(request, deps)).status).toBe(413);
    expect(calls).toEqual([]);
  });

  it('answers 400 to malformed JSON or a body of the wrong shape', async () => {
    const { deps, calls } = setup();
    expect((await handleRevalidate(bearerRequest('{"files": [oops'), deps)).status).toBe(400);
    expect((await handleRevalidate(bearerRequest('{"paths": ["/"]}'), deps)).status).toBe(400);
    expect((await handleRevalidate(bearerRequest('{"files": "content/articles/x.mdx"}'), deps)).status).toBe(400);
    expect((await handleRevalidate(githubRequest('not json'), deps)).status).toBe(400);
    expect(calls).toEqual([]);
  });

  it('answers a ping and ignores other GitHub events', async () => {
    const { deps, calls } = setup();
    expect(await (await handleRevalidate(githubRequest('{"zen":"x"}', SECRET, 'ping'), deps)).json()).toMatchObject({ message: 'pong' });
    expect((await handleRevalidate(githubRequest('{}', SECRET, 'issues'), deps)).status).toBe(202);
    expect(calls).toEqual([]);
  });

  it('reads a webhook sent as a form (GitHub\u2019s other content type)', async () => {
    const { deps, calls } = setup();
    const form = `payload=${encodeURIComponent(push(['content/articles/harbour.mdx']))}`;
    const bytes = new TextEncoder().encode(form);
    const request = new Request('http://site/api/revalidate', {
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-hub-signature-256': githubSignature(bytes, SECRET) },
    });
    expect((await handleRevalidate(request, deps)).status).toBe(200);
    expect(calls).toContainEqual(['/articles/harbour', undefined]);
  });

  it('pulls the content first when asked, and revalidates nothing if the pull fails', async () => {
    const order: string[] = [];
    const ok = setup({
      gitPull: () => {
        order.push('pull');
        return Promise.resolve({ ok: true, output: 'Fast-forward' });
      },
    });
    ok.refresh.mockImplementation(() => {
      order.push('refresh');
      return Promise.resolve({
        publicStory: () => undefined,
        isBroken: () => false,
        isKnown: () => false,
        listedUnder: () => undefined,
        storiesBy: () => [],
        storiesSharing: () => [],
        listingPages: () => 1,
        sitemapParts: () => 0,
        livePages: () => 0,
        problemsOf: () => [],
      });
    });
    expect((await handleRevalidate(bearerRequest('{"files":[]}'), ok.deps)).status).toBe(200);
    expect(order).toEqual(['pull', 'refresh']);
    // The pull read what it moved: no second comparison of every stamp.
    expect(ok.refresh).toHaveBeenCalledWith([]);

    const failing = setup({ gitPull: () => Promise.resolve({ ok: false, message: 'fatal: Not possible to fast-forward, aborting.' }) });
    const response = await handleRevalidate(bearerRequest('{"files":["content/articles/harbour.mdx"]}'), failing.deps);
    expect(response.status).toBe(502);
    expect(await errorOf(response)).toMatch(/Not possible to fast-forward/);
    expect(failing.calls).toEqual([]);
  });

  it('revalidates every page through the root layout when the sections change', async () => {
    const { deps, calls } = setup();
    const body = await resultOf(await handleRevalidate(bearerRequest('{"files":["content/sections.yaml"]}'), deps));
    expect(body.everything).toBe(true);
    expect(calls).toEqual([['/', 'layout']]);
  });
});
