/** The starting text of the live editor: a draft with every required field, and the components. */
export function newStoryTemplate({ section, author, now }: { section: string; author: string; now: Date }): string {
  const publishedAt = minuteOf(now);
  return `---
title: Your headline here
dek: One or two sentences that tell readers what happened and why it matters.
section: ${section}
tags: [Example]
authors: [${author}]
publishedAt: ${publishedAt}
draft: true
---

Write the story here. Markdown works: **bold**, *italic*, [links](/${section}), lists and tables.

<PullQuote cite="Name, their role">
  A short, striking quotation from the story.
</PullQuote>

| Item | Count |
| ---- | ----- |
| One  | 1     |

A sentence with a footnote.[^1]

[^1]: The footnote text.
`;
}

/**
 * The starting text of a new live update (content/live/<story>/<id>.mdx, ADR 0011): timed now,
 * with the optional fields written as comments, so turning one on is deleting a "#".
 */
export function newUpdateTemplate({ now }: { now: Date }): string {
  return `---
time: ${minuteOf(now)}
title: What happened, in a few words
# key: true       # listed under "Key events" at the top of the page
# pinned: true    # shown first, above the newest
# authors: [id]   # the story's authors when left out
---

Write the update here: what happened, where, and how we know.
`;
}

/** The current minute, with its offset, as the content rules want a time written. */
function minuteOf(now: Date): string {
  return `${now.toISOString().slice(0, 16)}:00+00:00`;
}
