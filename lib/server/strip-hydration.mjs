// Reader pages without React (ADR 0006, "No hydration on reader pages"). They hold no client
// component: the header's controls are answered by the inline theme script, links are plain <a>,
// images plain <img>. Hydrating them only repeats the page: Next's runtime (131 kB gzip of
// JavaScript) and the RSC payload (`self.__next_f.push`, two thirds of a story's markup) rebuild
// the document the server already sent. So the production server leaves them out of the HTML, as
// the Pages Router's `unstable_runtimeJS: false` did; everything else in the page is kept (the
// theme script, JSON-LD). Pages that need React keep it: the editors' preview, and Next's error
// shells, which render only in the browser. Plain .mjs: deploy/server.mjs loads it with Node.

const SCRIPT_OPEN = Buffer.from('<script');
const SCRIPT_CLOSE = Buffer.from('</script>');
// Next's preloads of its chunks, in the <head>.
const SCRIPT_PRELOAD = /<link rel="preload" as="script"[^>]*? href="\/_next\/static\/[^"]+"[^>]*?\/>/g;

/** Whether a whole <script ...>...</script> element is Next's: its chunks, runtime bootstrap or RSC payload. */
export function isHydrationScript(element) {
  const text = element.toString('utf8', 0, Math.min(element.length, 200));
  const tagEnd = text.indexOf('>');
  const tag = text.slice(0, tagEnd + 1);
  if (/\ssrc="\/_next\/static\//.test(tag)) return true;
  const body = text.slice(tagEnd + 1);
  return body.startsWith('self.__next_f') || body.startsWith('(self.__next_f') || body.startsWith('(globalThis["TURBOPACK"]');
}

/** The <head> without Next's script preloads. */
export function withoutScriptPreloads(head) {
  return head.replace(SCRIPT_PRELOAD, '');
}

/**
 * A filter over an HTML byte stream that drops Next's scripts and passes everything else as it
 * came. A script split across chunks is held until its end arrives; nothing else is held.
 */
export function hydrationStripper() {
  let carry = Buffer.alloc(0);
  return {
    push(chunk) {
      const bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
      carry = Buffer.alloc(0);
      const out = [];
      let at = 0;
      for (;;) {
        const open = bytes.indexOf(SCRIPT_OPEN, at);
        if (open === -1) {
          // The chunk may end inside "<script": hold from its last "<" when that is near the end.
          const lt = bytes.lastIndexOf(0x3c);
          const cut = lt >= at && bytes.length - lt < SCRIPT_OPEN.length ? lt : bytes.length;
          out.push(bytes.subarray(at, cut));
          carry = Buffer.from(bytes.subarray(cut));
          break;
        }
        const close = bytes.indexOf(SCRIPT_CLOSE, open);
        out.push(bytes.subarray(at, open));
        if (close === -1) {
          carry = Buffer.from(bytes.subarray(open));
          break;
        }
        const end = close + SCRIPT_CLOSE.length;
        const element = bytes.subarray(open, end);
        if (!isHydrationScript(element)) out.push(element);
        at = end;
      }
      return Buffer.concat(out);
    },
    /** What is still held at the end of the response (an unclosed script is passed on as it is). */
    flush() {
      const rest = carry;
      carry = Buffer.alloc(0);
      return rest;
    },
  };
}

/** Where React stays: the editors' preview and live editor (PREVIEW_PREFIX, lib/preview/prefix.ts; a test keeps them equal). */
export const HYDRATED_PREFIX = '/preview';

/** Whether a request's page is a reader page, served without React. */
export function isReaderPage(url = '') {
  const pathname = url.split('?')[0];
  return pathname !== HYDRATED_PREFIX && !pathname.startsWith(`${HYDRATED_PREFIX}/`);
}
