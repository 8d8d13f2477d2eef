// The production server (`npm start`): Next's own request handler on a plain Node HTTP server,
// so that SIGTERM drains instead of dropping. `next start` closes its listener on SIGTERM but then
// waits, without bound, for keep-alive sockets (nginx's stay open), and exits 143. Here it stops
// accepting, finishes what is in flight (at most SHUTDOWN_TIMEOUT_MS, 10 s), and exits 0.
// It also writes each page's stylesheet into its HTML (lib/server/inline-css.mjs), which is why
// compression happens here rather than in Next (`compress: false` in next.config.ts): the HTML is
// changed before it is compressed. Reader pages go without React (lib/server/strip-hydration.mjs,
// ADR 0006): Next's scripts and RSC payload are left out of their HTML. A 404 that Next sends as an empty error document (notFound()
// in a page rendered on demand) is answered with Next's own prerendered not-found page instead.
// Usage: node deploy/server.mjs [-p 3000] [-H 0.0.0.0]. docs/deploy.md, "Rolling deploys".
import { createServer } from 'node:http';
import path from 'node:path';
import compression from 'compression';
import next from 'next';
import { drainable } from '../lib/server/drain.mjs';
import { markDraining } from '../lib/server/draining.mjs';
import { buildCssReader, buildNotFoundReader, inlineCssInto } from '../lib/server/inline-css.mjs';
import { isReaderPage } from '../lib/server/strip-hydration.mjs';

const args = process.argv.slice(2);
const option = (short, long) => {
  const at = args.findIndex((a) => a === short || a === long);
  return at === -1 ? undefined : args[at + 1];
};
const port = Number(option('-p', '--port') ?? process.env.PORT ?? 3000);
const hostname = option('-H', '--hostname') ?? '0.0.0.0';
const timeoutMs = Number(process.env.SHUTDOWN_TIMEOUT_MS ?? 10_000);

const app = next({ dev: false, dir: process.cwd(), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();
// Next's own compression middleware, with its defaults, outside the inlining.
const compress = compression();
const distDir = path.resolve(process.cwd(), process.env.NEXT_DIST_DIR ?? '.next');
const readCss = buildCssReader(distDir);
const readNotFound = buildNotFoundReader(distDir);
const server = createServer((req, res) =>
  compress(req, res, () => {
    inlineCssInto(req, res, readCss, readNotFound, { stripHydration: isReaderPage(req.url) });
    void handle(req, res);
  }),
);
// Longer than nginx's upstream keep-alive (60 s), so nginx, not Node, closes an idle socket: a
// request nginx sends as Node closes it would otherwise fail.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
const drain = drainable(server, { timeoutMs });
server.listen(port, hostname, () => console.log(`[server] ready on http://${hostname}:${port} (pid ${process.pid})`));

let stopping = false;
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  markDraining();
  console.log(`[server] ${signal}: draining ${drain.inFlight} request(s), at most ${timeoutMs / 1000} s`);
  const whole = await drain.drain();
  await Promise.race([app.close().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  console.log(whole ? '[server] drained, exiting' : `[server] requests still open after ${timeoutMs / 1000} s were cut`);
  process.exit(whole ? 0 : 1);
};
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGINT', () => void stop('SIGINT'));
