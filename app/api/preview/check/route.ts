import { draftMode } from 'next/headers';
import { checkStorySource, checkUpdateSource } from '@/lib/content/check';
import { publicDir } from '@/lib/content/content-dir';
import { formatProblem } from '@/lib/content/problems';
import { contentDb } from '@/lib/content/index/runtime';
import { checkedFile, checkRequestSchema, type CheckedProblem } from '@/lib/preview/check-request';
import { BodyTooLargeError, readBodyWithLimit } from '@/lib/revalidate/read-body';

export const dynamic = 'force-dynamic';

const reply = (status: number, body: unknown) => Response.json(body, { status, headers: { 'cache-control': 'no-store' } });

/** The live editor's check: the content check's steps for one story or live update text, against the loaded content. */
export async function POST(request: Request) {
  if (!(await draftMode()).isEnabled) return reply(401, { error: 'enter preview first: /api/preview?secret=...&path=/preview/editor' });
  let raw: Uint8Array;
  try {
    raw = await readBodyWithLimit(request);
  } catch (error) {
    return error instanceof BodyTooLargeError ? reply(413, { error: error.message }) : reply(400, { error: 'could not read the request' });
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    return reply(400, {
      error: 'expected JSON {"slug", "source"} for a story or {"kind": "update", "story", "id", "source"} for a live update',
    });
  }
  const parsed = checkRequestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
    return reply(400, { error: `${where}${issue?.message ?? 'expected {"slug", "source"}'}` });
  }
  const wanted = parsed.data;
  const check = wanted.kind === 'update' ? checkUpdateSource : checkStorySource;
  const problems = await check(checkedFile(wanted), wanted.source, await contentDb(), publicDir());
  const result: CheckedProblem[] = problems.map((p) => ({
    line: p.line,
    column: p.column,
    severity: p.severity,
    text: formatProblem(p),
  }));
  return reply(200, { problems: result });
}
