import 'server-only';
import { formatProblem, type ContentProblem } from '@/lib/content/problems';
import { verifyBearer, verifyGithubSignature } from '@/lib/security/secrets';
import { planRevalidation, type RevalidationIndex } from './affected';
import type { ContentChange } from '@/lib/content/index/runtime';
import { classifyFiles, filesBodySchema, filesOfPush, githubPushSchema } from './changes';
import type { GitPullResult } from './git-pull';
import { BodyTooLargeError, MAX_BODY_BYTES, readBodyWithLimit } from './read-body';

export type RevalidateDeps = {
  /** REVALIDATE_SECRET; without it every request is refused. */
  secret: string | undefined;
  /** Set when CONTENT_GIT_PULL=1: brings the content directory up to date first. */
  gitPull?: () => Promise<GitPullResult>;
  /**
   * Reads the changed files into the content index now (none for an empty list; every file's
   * stamp when `changes` is undefined) and answers planning's questions about the index after it.
   */
  refresh: (changes: readonly ContentChange[] | undefined) => Promise<RefreshedIndex>;
  /** revalidatePath: a literal path, a route pattern ('page'), or '/' with 'layout' for every page. */
  revalidate: (path: string, type?: 'page' | 'layout') => void;
  maxBodyBytes?: number;
};

/** The index after a refresh, and what is wrong with a story file now. */
export type RefreshedIndex = RevalidationIndex & { problemsOf(slug: string): readonly ContentProblem[] };

export type RevalidateResponse = {
  revalidated: string[];
  /** True when every page was revalidated (the section list changed). */
  everything: boolean;
  /** Stories whose files have errors: their last good page is kept; see problems. */
  kept: string[];
  /** Files in the request that are not content (or not a story, author or section file). */
  ignored: string[];
  /** The content check's lines for the changed files, so the sender sees why a story is missing. */
  problems: string[];
};

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(`${JSON.stringify(body)}\n`, {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

const error = (status: number, message: string, headers?: Record<string, string>) => json(status, { error: message }, headers);

/**
 * POST /api/revalidate: a GitHub push webhook (X-Hub-Signature-256) or a bearer-token request with
 * `{ "files": [...] }`. Authenticates before anything else happens, optionally pulls the content
 * repository, refreshes the content index at once and revalidates exactly the pages the changed
 * files affect. Every bad request is a 4xx that changes nothing.
 */
export async function handleRevalidate(request: Request, deps: RevalidateDeps): Promise<Response> {
  if (request.method !== 'POST') return error(405, 'use POST', { allow: 'POST' });

  let body: Uint8Array;
  try {
    body = await readBodyWithLimit(request, deps.maxBodyBytes ?? MAX_BODY_BYTES);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return error(413, e.message);
    return error(400, 'could not read the request body');
  }

  const signature = request.headers.get('x-hub-signature-256');
  const fromGithub = signature !== null;
  const authorized = fromGithub
    ? verifyGithubSignature(body, signature, deps.secret)
    : verifyBearer(request.headers.get('authorization'), deps.secret);
  if (!authorized) {
    return error(
      401,
      fromGithub
        ? 'X-Hub-Signature-256 does not match: check the webhook secret equals REVALIDATE_SECRET'
        : 'send X-Hub-Signature-256 (GitHub webhook) or Authorization: Bearer <REVALIDATE_SECRET>',
      fromGithub ? {} : { 'www-authenticate': 'Bearer' },
    );
  }

  let files: string[];
  if (fromGithub) {
    const event = request.headers.get('x-github-event') ?? 'push';
    if (event === 'ping') return json(200, { ...emptyResult(), message: 'pong' });
    if (event !== 'push') return json(202, { ...emptyResult(), message: `ignored the ${event} event: only push changes content` });
    const payload = parseGithubPayload(body, request.headers.get('content-type'));
    const push = payload === undefined ? undefined : githubPushSchema.safeParse(payload);
    if (!push?.success) return error(400, 'expected a GitHub push event payload (JSON with commits[].added/modified/removed)');
    files = filesOfPush(push.data);
  } else {
    const parsed = parseJson(body);
    const result = parsed === undefined ? undefined : filesBodySchema.safeParse(parsed);
    if (!result?.success) return error(400, 'expected JSON like {"files": ["content/articles/x.mdx"]}');
    files = result.data.files;
  }

  const { changes, ignored } = classifyFiles(files);
  if (deps.gitPull) {
    const pulled = await deps.gitPull();
    if (!pulled.ok) return error(502, `updating the content checkout (git fetch, reset) failed: ${pulled.message}`);
  }
  // A pull has read every file it moved (whileFilesChange). Otherwise read the named files now, or
  // every stamp when none are named: the watcher may not have fired yet.
  const index = await deps.refresh(deps.gitPull ? [] : changes.length ? changes : undefined);
  const plan = planRevalidation({ changes, index });
  if (plan.everything) deps.revalidate('/', 'layout');
  for (const path of plan.paths) deps.revalidate(path, path.includes('[') ? 'page' : undefined);

  const problems = changes.flatMap((c) =>
    c.kind === 'story'
      ? index
          .problemsOf(c.slug)
          .filter((p) => p.severity === 'error')
          .map(formatProblem)
      : [],
  );
  const result: RevalidateResponse = {
    revalidated: plan.everything ? ['/', ...plan.paths.filter((p) => p !== '/')] : plan.paths,
    everything: plan.everything,
    kept: plan.kept,
    ignored,
    problems,
  };
  return json(200, result);
}

function emptyResult(): RevalidateResponse {
  return { revalidated: [], everything: false, kept: [], ignored: [], problems: [] };
}

function parseJson(body: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return undefined;
  }
}

/** GitHub sends JSON, or a form with a `payload` field when the webhook is set to that content type. */
function parseGithubPayload(body: Uint8Array, contentType: string | null): unknown {
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    const payload = new URLSearchParams(new TextDecoder().decode(body)).get('payload');
    return payload === null ? undefined : parseJson(new TextEncoder().encode(payload));
  }
  return parseJson(body);
}
