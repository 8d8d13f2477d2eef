/** The starting text of the live editor: a draft with every required field, and the components. */
export function newStoryTemplate({ section, author, now }: { section: string; author: string; now: Date }): string {
  const publishedAt = `${now.toISOString().slice(0, 16)}:00+00:00`;
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
