import { describe, expect, it } from 'vitest';
import {
  describeLcpElement,
  isImg,
  lcpElement,
  lcpFromAudit,
  lcpFromTrace,
  paintedImage,
  type LcpElement,
  type TraceEvent,
} from './lcp-element';

const MAIN = '9BD159E94FC125112E6FC2F81C136A17';
const AVIF = 'http://127.0.0.1:4791/media/0123456789abcdef/16x9-960.avif';

/** Shaped as Chromium 156 writes them (a trace saved by Lighthouse 12.2 here, trimmed). */
const imagePaint = (ts: number, node: number, url: string, frame = MAIN): TraceEvent => ({
  name: 'LargestImagePaint::Candidate',
  ts,
  args: {
    frame,
    data: { DOMNodeId: node, imageUrl: url, isMainFrame: true, isOutermostMainFrame: frame === MAIN, nodeName: 'IMG', size: 50700 },
  },
});
const textPaint = (ts: number, node: number, tag: string): TraceEvent => ({
  name: 'LargestTextPaint::Candidate',
  ts,
  args: { frame: MAIN, data: { DOMNodeId: node, isMainFrame: true, isOutermostMainFrame: true, nodeName: tag, size: 13284 } },
});
const candidate = (ts: number, node: number, tag: string, type: 'image' | 'text', frame = MAIN): TraceEvent => ({
  name: 'largestContentfulPaint::Candidate',
  ts,
  args: {
    frame,
    data: { nodeId: node, nodeName: tag, type, size: 50700, isMainFrame: frame === MAIN, isOutermostMainFrame: frame === MAIN },
  },
});
const invalidate = (ts: number, frame = MAIN): TraceEvent => ({ name: 'largestContentfulPaint::Invalidate', ts, args: { frame } });

const element = (over: Partial<LcpElement>): LcpElement => ({
  tag: '',
  type: '',
  imageUrl: '',
  selector: '',
  snippet: '',
  auditError: '',
  ...over,
});

describe('the LCP element in a trace', () => {
  it("names a picture's <img> and the file it painted", () => {
    const events = [
      textPaint(100, 11, 'H1'),
      candidate(100, 11, 'H1', 'text'),
      imagePaint(200, 17, AVIF),
      candidate(200, 17, 'IMG', 'image'),
    ];
    expect(lcpFromTrace(events)).toEqual({ tag: 'IMG', type: 'image', imageUrl: AVIF });
  });

  it("reads the tag from a node name that carries the node's class, as Chromium 156 writes it", () => {
    const events = [
      candidate(100, 11, "H1 class='font-serif text-[2rem]'", 'text'),
      imagePaint(200, 17, AVIF),
      candidate(200, 17, "IMG class='h-auto w-full'", 'image'),
    ];
    expect(lcpFromTrace(events)).toEqual({ tag: 'IMG', type: 'image', imageUrl: AVIF });
    expect(isImg(element(lcpFromTrace(events)!))).toBe(true);
  });

  it('takes the last candidate by time, whatever order the events come in', () => {
    const events = [
      candidate(300, 11, 'H1', 'text'),
      textPaint(300, 11, 'H1'),
      imagePaint(200, 17, AVIF),
      candidate(200, 17, 'IMG', 'image'),
    ];
    expect(lcpFromTrace(events)).toEqual({ tag: 'H1', type: 'text', imageUrl: '' });
  });

  it("reads the file of the LCP's own node, not of another image", () => {
    const other = 'http://127.0.0.1:4791/media/fedcba9876543210/1x1-320.webp';
    const events = [imagePaint(100, 17, AVIF), imagePaint(150, 40, other), candidate(200, 17, 'IMG', 'image')];
    expect(lcpFromTrace(events)?.imageUrl).toBe(AVIF);
  });

  it("leaves out an embedded frame's candidates, later or not", () => {
    const frame = 'AAAA0000AAAA0000AAAA0000AAAA0000';
    const events = [candidate(100, 11, 'H1', 'text'), imagePaint(200, 5, AVIF, frame), candidate(200, 5, 'IMG', 'image', frame)];
    expect(lcpFromTrace(events)).toEqual({ tag: 'H1', type: 'text', imageUrl: '' });
  });

  it('has none when the last LCP event of the main frame invalidates it, or there is no event', () => {
    expect(lcpFromTrace([candidate(100, 17, 'IMG', 'image'), invalidate(150)])).toBeUndefined();
    expect(lcpFromTrace([])).toBeUndefined();
  });

  it('takes the tag from the per-kind candidate when the LCP event has none', () => {
    const bare: TraceEvent = {
      name: 'largestContentfulPaint::Candidate',
      ts: 200,
      args: { frame: MAIN, data: { nodeId: 17, type: 'image', isMainFrame: true } },
    };
    expect(lcpFromTrace([imagePaint(200, 17, AVIF), bare])).toEqual({ tag: 'IMG', type: 'image', imageUrl: AVIF });
  });
});

describe("Lighthouse's largest-contentful-paint-element audit", () => {
  const node = {
    type: 'node',
    selector: 'main > figure > picture > img',
    snippet: '<img src="/media/0123456789abcdef/16x9-960.jpg" alt="…">',
  };
  const working = {
    audits: {
      'largest-contentful-paint-element': {
        details: {
          type: 'list',
          items: [
            { type: 'table', items: [{ node }] },
            { type: 'table', items: [{ phase: 'TTFB' }] },
          ],
        },
      },
    },
  };

  it('gives the selector and snippet when it worked', () => {
    expect(lcpFromAudit(working)).toEqual({ selector: node.selector, snippet: node.snippet, auditError: '' });
  });

  it('says why when it failed, or is missing', () => {
    const errorMessage = 'Required TraceElements gatherer encountered an error';
    expect(lcpFromAudit({ audits: { 'largest-contentful-paint-element': { errorMessage } } }).auditError).toBe(errorMessage);
    expect(lcpFromAudit({ audits: {} }).auditError).toBe('audit not in the report');
  });

  it('joins the trace and the audit, and falls back to the snippet for the tag', () => {
    expect(lcpElement(working, [imagePaint(200, 17, AVIF), candidate(200, 17, 'IMG', 'image')])).toEqual(
      element({ tag: 'IMG', type: 'image', imageUrl: AVIF, selector: node.selector, snippet: node.snippet }),
    );
    expect(lcpElement(working, []).tag).toBe('IMG');
  });
});

describe('the picture test', () => {
  it('takes an <img> that painted its picture, and nothing else', () => {
    expect(isImg(element({ tag: 'IMG', type: 'image' }))).toBe(true);
    // A blocked picture paints its alt text, which Chromium records as text.
    expect(isImg(element({ tag: 'IMG', type: 'text' }))).toBe(false);
    expect(isImg(element({ tag: 'DIV', type: 'image' }))).toBe(false);
    expect(isImg(element({ tag: 'H1', type: 'text' }))).toBe(false);
  });

  it('counts any image as painted, a CSS background too', () => {
    expect(paintedImage(element({ tag: 'DIV', type: 'image' }))).toBe(true);
    expect(paintedImage(element({ tag: 'IMG', type: 'text' }))).toBe(false);
    expect(paintedImage(element({ tag: 'IMG' }))).toBe(true);
  });

  it('describes an element briefly, without the origin', () => {
    expect(describeLcpElement(element({ tag: 'IMG', type: 'image', imageUrl: AVIF }))).toBe('img /media/0123456789abcdef/16x9-960.avif');
    expect(describeLcpElement(element({ tag: 'H1', type: 'text', selector: 'article > h1' }))).toBe('h1 (article > h1) text');
    expect(describeLcpElement(element({}))).toBe('none recorded');
  });
});
