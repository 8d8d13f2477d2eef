/** Marks invented demonstration stories so no reader mistakes them for reporting. */
export function SampleLabel() {
  return (
    <span className="inline-block rounded-sm border border-rule bg-surface px-2 py-0.5 font-sans text-xs font-semibold tracking-wide text-muted uppercase">
      Sample story
    </span>
  );
}
