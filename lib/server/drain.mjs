// Graceful shutdown for the production server (deploy/server.mjs): the contract rolling deploys
// and Kubernetes expect. Plain JavaScript, as Node 20 runs the server entry without a compiler.
// docs/deploy.md, "Rolling deploys".

/**
 * Tracks an HTTP server's responses and, on drain(), stops accepting connections, lets the
 * requests in flight finish (each the last on its socket, so a keep-alive client such as nginx
 * sends its next request elsewhere), closes idle keep-alive sockets at once,
 * and cuts whatever is left after `timeoutMs`. drain() resolves with whether everything finished.
 */
export function drainable(server, { timeoutMs = 10_000 } = {}) {
  let draining = false;
  const open = new Set();
  server.on('request', (req, res) => {
    if (draining) res.shouldKeepAlive = false;
    open.add(res);
    res.once('close', () => {
      open.delete(res);
      // A response whose headers went out before the drain said `keep-alive`: end its socket
      // after it, or close() would wait for the client to hang up.
      if (draining) req.socket.end();
    });
  });

  return {
    get inFlight() {
      return open.size;
    },
    drain() {
      if (draining) return Promise.resolve(true);
      draining = true;
      for (const res of open) res.shouldKeepAlive = false;
      return new Promise((resolve) => {
        const cut = setTimeout(() => {
          server.closeAllConnections();
          resolve(false);
        }, timeoutMs);
        cut.unref();
        server.close(() => {
          clearTimeout(cut);
          resolve(true);
        });
        server.closeIdleConnections();
      });
    },
  };
}
