/**
 * A tiny static server for dist/: at the root on one port, and only under
 * /goroscope/ on another (as GitHub Pages serves a project site), so the e2e tests
 * prove the build works from a sub-path. No compression, no rewriting.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const DIST = resolve(process.env.DIST_DIR ?? 'dist');
export const ROOT_PORT = Number(process.env.E2E_PORT ?? 4173);
export const SUB_PORT = ROOT_PORT + 1;
export const SUB_PATH = '/goroscope/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  // Served as opaque bytes: the app inflates them itself.
  '.gz': 'application/octet-stream',
  '.pprof': 'application/octet-stream',
};

function serve(prefix: string, port: number): Server {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end('not under ' + prefix);
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length));
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = normalize(join(DIST, rel));
    if (file !== DIST && !file.startsWith(DIST + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  server.listen(port, '127.0.0.1');
  return server;
}

stat(join(DIST, 'index.html')).then(
  () => {
    serve('/', ROOT_PORT);
    serve(SUB_PATH, SUB_PORT);
    console.log(`serving ${DIST} at http://127.0.0.1:${ROOT_PORT}/ and http://127.0.0.1:${SUB_PORT}${SUB_PATH}`);
  },
  () => {
    console.error(`${DIST}/index.html is missing: run "npm run build" first`);
    process.exit(1);
  },
);
