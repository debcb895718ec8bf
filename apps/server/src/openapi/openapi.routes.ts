import type { FastifyInstance } from 'fastify';
import { PUBLIC } from '../http/route-config.ts';
import { openApiDocument } from './openapi-document.ts';
import type { CatalogRoute } from './route-catalog.ts';

/** `GET /api/v1/openapi.json`: generated from the routes actually registered, built once on first use. */
export function registerOpenApiRoute(
  app: FastifyInstance,
  routes: readonly CatalogRoute[],
  version: string,
): void {
  let document: unknown;
  app.get(
    '/api/v1/openapi.json',
    { config: { permission: PUBLIC, summary: 'This OpenAPI 3.1 document' } },
    () => {
      document ??= openApiDocument(routes, version);
      return document;
    },
  );
}
