/**
 * Which element a Lighthouse run saw as the Largest Contentful Paint, and whether it is an <img>.
 *
 * Lighthouse's own answer is its `largest-contentful-paint-element` audit (a CSS selector and an
 * HTML snippet). With Lighthouse 12.2 and Debian's Chromium 156 that audit errors: its TraceElements
 * gatherer depends on RootCauses, whose trace engine fails on this Chromium's frame events
 * ("Cannot read properties of undefined (reading 'frame_sequence')"). So the element is also read
 * from the trace Lighthouse saves (`--save-assets`): Chromium's final `largestContentfulPaint::Candidate`
 * of the main frame names the node's tag and whether it is an image or text, and the matching
 * `LargestImagePaint::Candidate` names the file painted (for a <picture>, the source chosen).
 */

export type LcpElement = {
  /** Upper-case tag name: IMG for a picture's <img>, H1 for a headline; '' when none was recorded. */
  tag: string;
  /** 'image' or 'text', as Chromium recorded the candidate; '' when unknown. */
  type: string;
  /** For an image, the file the browser painted (a <picture>'s chosen source). */
  imageUrl: string;
  /** Lighthouse's CSS selector and HTML snippet for the node; '' while its audit fails (see above). */
  selector: string;
  snippet: string;
  /** Why Lighthouse's audit gave no element, when it gave none. */
  auditError: string;
};

export type TraceEvent = { name: string; ts: number; args?: { frame?: string; data?: Record<string, unknown> } };

/** What of a Lighthouse report this reads: the one audit. */
export type LcpAuditReport = { audits: Record<string, { errorMessage?: string; details?: unknown } | undefined> };

const CANDIDATE = 'largestContentfulPaint::Candidate';
const INVALIDATE = 'largestContentfulPaint::Invalidate';

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const field = (value: unknown, key: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;

/**
 * The picture test every report uses: the LCP node is an <img> (inside a <picture> or not) that
 * painted its picture. A broken <img> painting its alt text is recorded as text, and is no picture.
 */
export function isImg(element: LcpElement): boolean {
  return element.tag === 'IMG' && element.type !== 'text';
}

/** Whether the LCP painted an image of any kind (an <img>, a CSS background, a poster). */
export function paintedImage(element: LcpElement): boolean {
  return element.type ? element.type === 'image' : isImg(element);
}

/**
 * The main frame's final LCP candidate in a trace, as Lighthouse picks it for the metric: the last
 * LCP event of the main frame, unless that is an invalidation (then there is no LCP).
 */
export function lcpFromTrace(events: readonly TraceEvent[]): Pick<LcpElement, 'tag' | 'type' | 'imageUrl'> | undefined {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  const inMainFrame = (e: TraceEvent) => {
    const data = e.args?.data ?? {};
    return (data.isOutermostMainFrame ?? data.isMainFrame) === true;
  };
  // Invalidations carry only a frame id: the main frame is the one its flagged candidates name.
  const mainFrame = sorted.findLast((e) => e.name === CANDIDATE && inMainFrame(e))?.args?.frame;
  if (!mainFrame) return undefined;
  const last = sorted.findLast((e) => (e.name === CANDIDATE || e.name === INVALIDATE) && e.args?.frame === mainFrame);
  if (!last || last.name === INVALIDATE) return undefined;
  const data = last.args?.data ?? {};
  const nodeId = data.nodeId;
  // The per-kind candidate of the same node: its file, and its tag where the LCP event has none.
  const paint = sorted.findLast(
    (e) =>
      (e.name === 'LargestImagePaint::Candidate' || e.name === 'LargestTextPaint::Candidate') &&
      e.args?.frame === mainFrame &&
      e.args.data?.DOMNodeId === nodeId,
  )?.args?.data;
  return {
    // Chromium 156 writes the node's class after its name ("IMG class='h-auto w-full'"): the tag is the first word.
    tag: (text(data.nodeName) || text(paint?.nodeName)).split(' ')[0]!.toUpperCase(),
    type: text(data.type),
    imageUrl: text(paint?.imageUrl),
  };
}

/** The node Lighthouse's largest-contentful-paint-element audit names, or why it names none. */
export function lcpFromAudit(report: LcpAuditReport): Pick<LcpElement, 'selector' | 'snippet' | 'auditError'> {
  const audit = report.audits['largest-contentful-paint-element'];
  // Its details are a list: the element's table first (one row, `node`), then the LCP phases.
  const tables = field(audit?.details, 'items');
  const rows = field(Array.isArray(tables) ? (tables[0] as unknown) : undefined, 'items');
  const node = field(Array.isArray(rows) ? (rows[0] as unknown) : undefined, 'node');
  const selector = text(field(node, 'selector'));
  const snippet = text(field(node, 'snippet'));
  const auditError = selector || snippet ? '' : audit?.errorMessage || (audit ? 'no element in the audit' : 'audit not in the report');
  return { selector, snippet, auditError };
}

/** Both sources together; the snippet gives the tag when the trace had no LCP event. */
export function lcpElement(report: LcpAuditReport, trace: readonly TraceEvent[]): LcpElement {
  const fromAudit = lcpFromAudit(report);
  const fromTrace = lcpFromTrace(trace) ?? { tag: '', type: '', imageUrl: '' };
  const snippetTag = /^<([a-z][\w-]*)/i.exec(fromAudit.snippet)?.[1]?.toUpperCase() ?? '';
  return { ...fromTrace, ...fromAudit, tag: fromTrace.tag || snippetTag };
}

/** A short description for a report (plain text): tag, Lighthouse's selector when it has one, the file painted. */
export function describeLcpElement(element: LcpElement): string {
  if (!element.tag) return 'none recorded';
  const selector = element.selector ? ` (${element.selector})` : '';
  const painted = element.imageUrl ? ` ${shortUrl(element.imageUrl)}` : element.type === 'text' ? ' text' : '';
  return `${element.tag.toLowerCase()}${selector}${painted}`;
}

/** A URL's path and query, without the bench server's origin. */
export function shortUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.pathname}${parsed.search}`;
  } catch {
    return url;
  }
}
