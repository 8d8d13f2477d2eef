/**
 * Escapes text for XML element content and attribute values. Characters XML 1.0 forbids
 * (C0 controls other than tab, newline and return; lone surrogates; U+FFFE/FFFF) are dropped,
 * because one stray control character in a story would make the whole feed or sitemap unparseable.
 */
export function escapeXml(value: string): string {
  return value
    .replace(
      // eslint-disable-next-line no-control-regex -- drops the control characters XML 1.0 forbids
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      '',
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** `<name>escaped text</name>`, or nothing when the value is absent. */
export function element(name: string, value: string | undefined, attributes: Record<string, string> = {}): string {
  if (value === undefined) return '';
  return `<${name}${attrs(attributes)}>${escapeXml(value)}</${name}>`;
}

export function attrs(attributes: Record<string, string | undefined>): string {
  return Object.entries(attributes)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v)}"`)
    .join('');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
