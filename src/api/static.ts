// Serves the built web UI with SPA fallback, or a short page saying how to build it.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';

export const DEFAULT_WEB_DIST = resolve(fileURLToPath(new URL('../../web/dist', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff', '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json', '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm',
};

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>gensoku</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem}code{background:#eee;padding:.1em .3em}</style></head>
<body><h1>gensoku</h1><p>The web UI has not been built. Run <code>npx vite build web</code> (or the project's build script) and restart.</p>
<p>The API is running: see <a href="/api/docs">/api/docs</a>, <a href="/api/openapi.json">/api/openapi.json</a> and <a href="/healthz">/healthz</a>.</p></body></html>`;

export function staticHandler(dist: string | null | undefined): (c: Context) => Response {
  const root = dist === undefined ? DEFAULT_WEB_DIST : dist;
  const index = root ? join(root, 'index.html') : null;
  return (c) => {
    if (!root || !index || !existsSync(index)) return c.html(NOT_BUILT, 200);
    let path: string;
    try {
      path = decodeURIComponent(c.req.path);
    } catch {
      path = '/';
    }
    const file = normalize(join(root, path));
    if (file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()) {
      const immutable = path.startsWith('/assets/');
      return new Response(readFileSync(file), {
        headers: {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        },
      });
    }
    // Client-side routes: any other page path gets the app shell.
    return new Response(readFileSync(index), { headers: { 'content-type': TYPES['.html'], 'cache-control': 'no-cache' } });
  };
}
