/** How the bench reports write figures, so every table and verdict line spells them alike. */

export const ms = (n: number) => (Number.isFinite(n) ? `${Math.round(n)} ms` : 'n/a');
export const signed = (n: number, unit = '') => `${n >= 0 ? '+' : '−'}${Math.abs(Math.round(n))}${unit}`;
export const mark = (ok: boolean) => (ok ? 'met' : '**missed**');
export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
/** Text for a Markdown table cell: a pipe would end the cell. */
export const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
