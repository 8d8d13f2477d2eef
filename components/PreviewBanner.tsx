import { paths } from '@/lib/urls';

type PreviewBannerProps = {
  /** What the editor is looking at, e.g. "Draft: readers cannot see this story." */
  status?: string;
  /** Where "Exit preview" leads (a page readers can see). */
  exitTo?: string;
};

/** Tells an editor in draft mode that this is a preview, what state the story is in, and how to leave. */
export function PreviewBanner({ status, exitTo = paths.front() }: PreviewBannerProps) {
  return (
    <div
      role="region"
      aria-label="Preview"
      className="mb-8 rounded-md border-2 border-[#a37f00] bg-[#fff3bf] px-4 py-3 font-sans text-sm text-[#2b2100]"
    >
      <div className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
        <p>
          <strong className="mr-2 rounded-sm bg-[#2b2100] px-1.5 py-0.5 text-xs font-bold tracking-wide text-[#fff3bf] uppercase">
            Preview
          </strong>
          {status ?? 'You are seeing drafts and scheduled stories as readers will see them once published.'}
        </p>
        {/* A plain link: Next's Link would prefetch it and end preview by itself. */}
        <a href={paths.previewExit(exitTo)} className="font-semibold underline">
          Exit preview
        </a>
      </div>
    </div>
  );
}
