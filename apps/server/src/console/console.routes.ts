import { statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { userError } from '@vigil/core';
import { PUBLIC } from '../http/route-config.ts';

/** Shown at `/` when the console has not been built; kept free of inline script/style (CSP). */
export const CONSOLE_NOT_BUILT_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Vigil</title></head>
<body><h1>Vigil is running</h1>
<p>The web console has not been built yet. Build it with <code>npm run build:web</code> and reload this page.</p>
<p>The API is available under <a href="/api/v1/openapi.json">/api/v1/openapi.json</a>.</p>
</body></html>
`;

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the built console (apps/web/dist) at `/`: real files as they are, any other non-API GET
 * falls back to index.html so client-side routes survive a reload. API paths never fall back.
 */
export async function registerConsoleRoutes(app: FastifyInstance, distDir: string): Promise<void> {
  const root = resolve(distDir);
  const built = isFile(join(root, 'index.html'));
  if (built) await app.register(fastifyStatic, { root, serve: false });

  app.get<{ Params: { '*': string } }>(
    '/*',
    { config: { permission: PUBLIC, summary: 'Web console (static files, SPA fallback)' } },
    async (request, reply) => {
      const path = request.params['*'];
      if (path === 'api' || path.startsWith('api/')) {
        throw userError('NOT_FOUND', `no route for GET /${path}`, { status: 404 });
      }
      if (!built) return reply.type('text/html; charset=utf-8').send(CONSOLE_NOT_BUILT_HTML);
      const file = resolve(root, `.${sep}${path}`);
      if (file.startsWith(root + sep) && isFile(file)) {
        // Vite puts content-hashed bundles under assets/: safe to cache for good.
        const immutable = path.startsWith('assets/');
        return reply.sendFile(path, { maxAge: immutable ? 31_536_000_000 : 0, immutable });
      }
      // A missing file with an extension is a broken link, not a client-side route.
      if (extname(path) !== '') throw userError('NOT_FOUND', `no file /${path}`, { status: 404 });
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { maxAge: 0 });
    },
  );
}
