'use client';

import { compile, run } from '@mdx-js/mdx';
import { MDXProvider, useMDXComponents } from '@mdx-js/react';
import type { MDXContent } from 'mdx/types';
import { useEffect, useRef, useState } from 'react';
import * as runtime from 'react/jsx-runtime';
import { bodyComponents } from '@/components/body/bodyComponents';
import { splitFrontMatter } from '@/lib/content/front-matter';
import { storyCompileOptions } from '@/lib/mdx/options';
import { bodyLimitIssues } from '@/lib/mdx/limits';
import { MdxContentError, toMdxIssues } from '@/lib/mdx/safe-mdx';
import { checkedFile, type CheckedProblem, type CheckRequest } from '@/lib/preview/check-request';
import { formatUpdateTime } from '@/lib/format/display-dates';
import { paths } from '@/lib/urls';
import { PreviewErrorBoundary } from './PreviewErrorBoundary.island';

type Kind = 'story' | 'update';

type LiveEditorProps = {
  initialKind: Kind;
  story: { slug: string; source: string };
  /** A live update: its story's slug, its id (file name and anchor) and its text (ADR 0011). */
  update: { story: string; id: string; source: string };
  /** Stories with live coverage, offered for an update's folder. */
  liveStories: readonly { slug: string; title: string }[];
};

type Rendered = {
  Content?: MDXContent;
  title?: string;
  dek?: string;
  /** An update's time and flags, shown as the live page shows them. */
  time?: string;
  pinned?: boolean;
  keyEvent?: boolean;
  error?: string;
};

/**
 * Compiles the body in the browser with the same options and safety plugin as the server, and
 * runs it with React's runtime; components come from MDXProvider (the one place @mdx-js/react
 * is used). Running compiled code needs 'unsafe-eval', which only this page's CSP allows.
 */
async function compileInBrowser(body: string): Promise<MDXContent> {
  const limits = bodyLimitIssues(body);
  if (limits.length) throw new MdxContentError(limits, { links: [], images: [] });
  const file = await compile(body, { ...storyCompileOptions, providerImportSource: '@mdx-js/react' });
  const mod = await run(String(file), { ...runtime, useMDXComponents, baseUrl: window.location.href });
  return mod.default;
}

/** The fields of the front matter the preview shows, read leniently: the check reports what is wrong. */
function headerOf(file: string, source: string): Omit<Rendered, 'Content' | 'error'> & { body: string } {
  const split = splitFrontMatter(file, source);
  const data = (split.data ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof data[key] === 'string' ? data[key] : undefined);
  const time = text('time');
  return {
    body: split.body,
    title: text('title'),
    dek: text('dek'),
    ...(time && !Number.isNaN(Date.parse(time)) ? { time } : {}),
    pinned: data.pinned === true,
    keyEvent: data.key === true,
  };
}

/**
 * The editors' live preview: a story or live update file on one side, how it will read on the
 * other, and the content check's problems.
 */
export function LiveEditor({ initialKind, story: initialStory, update: initialUpdate, liveStories }: LiveEditorProps) {
  const [kind, setKind] = useState<Kind>(initialKind);
  const [story, setStory] = useState(initialStory);
  const [update, setUpdate] = useState(initialUpdate);
  const [rendered, setRendered] = useState<Rendered>({});
  const [problems, setProblems] = useState<CheckedProblem[] | undefined>();
  const [checkError, setCheckError] = useState<string | undefined>();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const source = kind === 'story' ? story.source : update.source;
  const setSource = (text: string) => (kind === 'story' ? setStory({ ...story, source: text }) : setUpdate({ ...update, source: text }));
  const request: CheckRequest =
    kind === 'story' ? { kind, slug: story.slug, source } : { kind, story: update.story, id: update.id, source };
  const file = checkedFile(request);
  const requestJson = JSON.stringify(request);

  useEffect(() => {
    let cancelled = false;
    const controller = new AbortController();
    const refresh = async () => {
      const { body, ...header } = headerOf(file, source);
      try {
        const Content = await compileInBrowser(body);
        if (!cancelled) setRendered({ Content, ...header });
      } catch (error) {
        const message = toMdxIssues(error)
          .map((i) => `line ${i.line}, column ${i.column}: ${i.message}`)
          .join('\n');
        if (!cancelled) setRendered((previous) => ({ ...previous, ...header, error: message }));
      }
      try {
        const response = await fetch(paths.previewCheck(), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: requestJson,
          signal: controller.signal,
        });
        const json = (await response.json()) as { problems?: CheckedProblem[]; error?: string };
        if (cancelled) return;
        setProblems(json.problems);
        setCheckError(response.ok ? undefined : (json.error ?? `the check answered ${response.status}`));
      } catch (error) {
        if (!cancelled && !controller.signal.aborted) setCheckError(String(error));
      }
    };
    const timer = setTimeout(() => {
      void refresh();
    }, 350);
    return () => {
      cancelled = true;
      controller.abort();
      clearTimeout(timer);
    };
  }, [file, source, requestJson]);

  /** Puts the cursor where a problem is, so the editor can fix it. */
  const goTo = (problem: CheckedProblem) => {
    const area = textarea.current;
    if (!area) return;
    const lines = source.split('\n');
    const offset = lines.slice(0, problem.line - 1).reduce((sum, l) => sum + l.length + 1, 0) + problem.column - 1;
    area.focus();
    area.setSelectionRange(offset, offset);
  };

  const errors = problems?.filter((p) => p.severity === 'error').length ?? 0;
  const warnings = (problems?.length ?? 0) - errors;
  const { Content } = rendered;

  const field = 'min-w-0 flex-1 rounded-sm border border-rule bg-paper px-2 py-1 text-ink';
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <section aria-labelledby="editor-heading" className="flex min-w-0 flex-col gap-3 font-sans">
        <h2 id="editor-heading" className="text-lg font-bold text-ink">
          {kind === 'story' ? 'Story file' : 'Live update file'}
        </h2>
        <fieldset className="flex flex-wrap gap-x-5 gap-y-1 text-sm text-ink">
          <legend className="mb-1 font-semibold">What you are writing</legend>
          {(['story', 'update'] as const).map((k) => (
            <label key={k} className="flex min-h-6 items-center gap-2">
              <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => setKind(k)} className="size-4" />
              {k === 'story' ? 'A story' : 'An update to live coverage'}
            </label>
          ))}
        </fieldset>
        {kind === 'story' ? (
          <label className="flex flex-col gap-1 text-sm font-semibold text-ink">
            File name (the address: /articles/…)
            <span className="flex items-center gap-1 font-mono text-sm font-normal">
              <span className="text-muted">content/articles/</span>
              <input
                value={story.slug}
                onChange={(e) => setStory({ ...story, slug: e.target.value })}
                spellCheck={false}
                className={field}
              />
              <span className="text-muted">.mdx</span>
            </span>
          </label>
        ) : (
          <div className="flex flex-col gap-2">
            <label className="flex flex-col gap-1 text-sm font-semibold text-ink">
              Live story (its file name: the folder of its updates)
              <span className="flex items-center gap-1 font-mono text-sm font-normal">
                <span className="text-muted">content/live/</span>
                <input
                  value={update.story}
                  onChange={(e) => setUpdate({ ...update, story: e.target.value })}
                  list="live-stories"
                  spellCheck={false}
                  className={field}
                />
                <span className="text-muted">/</span>
              </span>
            </label>
            <datalist id="live-stories">
              {liveStories.map((s) => (
                <option key={s.slug} value={s.slug}>
                  {s.title}
                </option>
              ))}
            </datalist>
            <label className="flex flex-col gap-1 text-sm font-semibold text-ink">
              Update id (its file name, and its link: #…; never renamed once published)
              <span className="flex items-center gap-1 font-mono text-sm font-normal">
                <input
                  value={update.id}
                  onChange={(e) => setUpdate({ ...update, id: e.target.value })}
                  spellCheck={false}
                  className={field}
                />
                <span className="text-muted">.mdx</span>
              </span>
            </label>
          </div>
        )}
        <label htmlFor="story-source" className="text-sm font-semibold text-ink">
          Front matter and body (MDX)
        </label>
        <textarea
          id="story-source"
          ref={textarea}
          value={source}
          onChange={(e) => setSource(e.target.value)}
          spellCheck
          rows={28}
          className="min-h-[28rem] w-full rounded-sm border border-rule bg-paper p-3 font-mono text-sm leading-relaxed text-ink"
        />
        <div aria-live="polite">
          <h3 className="text-base font-bold text-ink">
            {problems === undefined
              ? 'Checking…'
              : problems.length === 0
                ? 'No problems: the content check passes'
                : `${errors} ${errors === 1 ? 'error' : 'errors'}, ${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`}
          </h3>
          {checkError ? <p className="mt-1 text-sm text-accent">The check could not run: {checkError}</p> : null}
          {problems?.length ? (
            <ul className="mt-2 space-y-1.5" data-testid="problems">
              {problems.map((problem) => (
                <li key={problem.text}>
                  <button
                    type="button"
                    onClick={() => goTo(problem)}
                    className={`w-full rounded-sm border-l-4 bg-surface px-3 py-2 text-left font-mono text-xs break-words text-ink ${
                      problem.severity === 'error' ? 'border-accent' : 'border-rule'
                    }`}
                  >
                    <span className="mr-2 font-sans font-bold uppercase">{problem.severity}</span>
                    {problem.text}
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      </section>
      <section aria-labelledby="preview-heading" className="min-w-0">
        <h2 id="preview-heading" className="font-sans text-lg font-bold text-ink">
          How it will read
        </h2>
        <article className="mt-3 rounded-sm border border-rule p-5">
          {kind === 'update' ? (
            <>
              <p className="flex flex-wrap items-center gap-x-3 font-sans text-sm">
                {rendered.pinned ? <span className="font-bold tracking-wide text-accent uppercase">Pinned</span> : null}
                {rendered.keyEvent ? <span className="font-bold tracking-wide text-ink uppercase">Key event</span> : null}
                {rendered.time ? (
                  <time dateTime={rendered.time} className="text-muted">
                    {formatUpdateTime(rendered.time)}
                  </time>
                ) : null}
              </p>
              <p className="mt-1 font-serif text-2xl leading-snug font-bold text-ink">{rendered.title ?? 'Title'}</p>
            </>
          ) : (
            <>
              <p className="font-serif text-3xl leading-tight font-bold text-ink">{rendered.title ?? 'Headline'}</p>
              {rendered.dek ? <p className="mt-3 font-serif text-lg text-muted">{rendered.dek}</p> : null}
            </>
          )}
          {rendered.error ? (
            <p role="alert" className="mt-4 rounded-sm bg-surface p-3 font-sans text-sm whitespace-pre-wrap text-accent">
              Not shown as it stands — {rendered.error}
            </p>
          ) : null}
          <div className="article-body mt-6">
            {Content ? (
              <PreviewErrorBoundary resetKey={source}>
                <MDXProvider components={bodyComponents}>
                  <Content />
                </MDXProvider>
              </PreviewErrorBoundary>
            ) : null}
          </div>
        </article>
      </section>
    </div>
  );
}
