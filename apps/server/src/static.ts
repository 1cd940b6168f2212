// Serves the built web app (apps/web/dist) with an SPA fallback: any path that is not a
// file gets index.html, so deep links like /journeys/abc work on reload.
import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.map': 'application/json',
};

/** The build's precompressed copies (apps/web/precompress.ts), best first. */
const ENCODINGS = [{ name: 'br', suffix: 'br' }, { name: 'gzip', suffix: 'gz' }] as const;

/** Encodings the request accepts: listed in Accept-Encoding (or via *) and not refused with q=0. */
function accepted(req: IncomingMessage): Set<string> {
  const header = req.headers['accept-encoding'];
  const offers = (Array.isArray(header) ? header.join(',') : header ?? '').split(',').map((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { name: name.trim(), q: q ? Number(q.slice(2)) : 1 };
  });
  const refused = new Set(offers.filter((o) => !(o.q > 0)).map((o) => o.name));
  const wildcard = offers.some((o) => o.name === '*' && o.q > 0);
  return new Set(ENCODINGS.map((e) => e.name).filter((name) =>
    !refused.has(name) && (wildcard || offers.some((o) => o.name === name))));
}

function precompressedFor(req: IncomingMessage, file: string) {
  const ok = accepted(req);
  return ENCODINGS.find((e) => ok.has(e.name) && existsSync(`${file}.${e.suffix}`));
}

const notBuiltPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Afterglow: web app not built</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#27272a}code{background:#f4f4f5;padding:.1rem .3rem;border-radius:4px}</style></head>
<body><h1>The web app has not been built yet</h1><p>The server is running (the API answers under <code>/trpc</code> and <code>/v1</code>), but
<code>apps/web/dist</code> does not exist. Run <code>pnpm build</code> (or start with <code>pnpm start</code>, which builds first) and reload this page.</p></body></html>`;

export function createStaticHandler(distDir: string) {
  const root = path.resolve(distDir);
  const indexFile = path.join(root, 'index.html');

  function send(req: IncomingMessage, res: ServerResponse, file: string, immutable: boolean) {
    const encoding = precompressedFor(req, file);
    const served = encoding ? `${file}.${encoding.suffix}` : file;
    res.writeHead(200, {
      'content-type': types[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
      'content-length': statSync(served).size,
      ...(encoding ? { 'content-encoding': encoding.name } : {}),
      // Caches keep one copy per encoding; the same URL answers br, gzip or raw bytes.
      vary: 'Accept-Encoding',
      // Vite fingerprints assets/*; index.html must always be revalidated to pick up new builds.
      'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    });
    if (req.method === 'HEAD') return void res.end();
    createReadStream(served).pipe(res);
  }

  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('Method not allowed');
    }
    if (!existsSync(indexFile)) {
      res.writeHead(503, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      return void res.end(notBuiltPage);
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('Bad path');
    }
    // Resolving against the root and checking the prefix refuses ../ escapes.
    const file = path.resolve(root, `.${pathname}`);
    if (file.startsWith(root + path.sep) && existsSync(file) && statSync(file).isFile()) {
      return send(req, res, file, pathname.startsWith('/assets/'));
    }
    // A missing asset is a 404, not the app: a browser would otherwise parse HTML as JS.
    if (path.extname(pathname) && pathname !== '/index.html') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return void res.end('Not found');
    }
    send(req, res, indexFile, false);
  };
}
