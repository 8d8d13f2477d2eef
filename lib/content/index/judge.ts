import 'server-only';
import type { BodyCheck } from '@/lib/mdx/compile';
import { storyOf, type Parsed } from '../parse';
import type { ContentProblem } from '../problems';
import { bodyProblems } from '../rules';
import type { LiveUpdate, LiveUpdateFile, Story, StoryFile } from '../schema';

/** What the index stores of a story version that passes every rule. */
export type GoodVersion = { story: Story; code: string; figures: string[] };

/**
 * Every problem of one version of a story file, and what the index stores of it when none is an
 * error. The one judgement of "good version" (ADR 0010): a file read now and a version found in
 * git's history are judged alike.
 */
export function judgeStory(
  file: string,
  outcome: Parsed<StoryFile>,
  check: BodyCheck | undefined,
): { problems: ContentProblem[]; good?: GoodVersion } {
  const problems = [...outcome.problems, ...bodyProblems(file, check?.issues ?? [])];
  if (!outcome.ok || check?.code === undefined || problems.some((p) => p.severity === 'error')) return { problems };
  return {
    problems,
    good: {
      story: storyOf(outcome.value, check.text ?? ''),
      code: check.code,
      figures: (check.references?.images ?? []).map((i) => i.src),
    },
  };
}

/** Every problem of one version of a live update file, and what the index stores of it when none is an error. */
export function judgeUpdate(
  file: string,
  outcome: Parsed<LiveUpdateFile>,
  check: BodyCheck | undefined,
): { problems: ContentProblem[]; good?: { update: LiveUpdate; code: string } } {
  const problems = [...outcome.problems, ...bodyProblems(file, check?.issues ?? [], 'update.body')];
  if (!outcome.ok || check?.code === undefined || problems.some((p) => p.severity === 'error')) return { problems };
  const { body: _, ...update } = outcome.value;
  return { problems, good: { update: { ...update, text: check.text ?? '' }, code: check.code } };
}
