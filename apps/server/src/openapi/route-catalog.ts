import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import { unexpectedError } from '@vigil/core';
import type { RouteAuth } from '../http/route-config.ts';

/** What the OpenAPI generator needs to know about one registered route. */
export interface CatalogRoute {
  method: string;
  url: string;
  permission: string;
  auth: RouteAuth;
  summary?: string;
  produces?: string;
  schema?: FastifySchema;
}

/**
 * Records every route as it is registered (`onRoute`) and refuses routes that do not declare a
 * permission, so an unprotected route cannot ship by accident. Must be installed before any route.
 */
export function installRouteCatalog(app: FastifyInstance): CatalogRoute[] {
  const routes: CatalogRoute[] = [];
  app.addHook('onRoute', (route: RouteOptions) => {
    const config = route.config;
    const permission = config?.permission;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (typeof permission !== 'string' || permission === '') {
      throw unexpectedError(
        'ROUTE_PERMISSION_MISSING',
        `route ${methods.join(',')} ${route.url} declares no permission (config.permission)`,
      );
    }
    for (const method of methods) {
      routes.push({
        method,
        url: route.url,
        permission,
        auth: config?.auth ?? ['session', 'bearer'],
        ...(config?.summary ? { summary: config.summary } : {}),
        ...(config?.produces ? { produces: config.produces } : {}),
        ...(route.schema ? { schema: route.schema } : {}),
      });
    }
  });
  return routes;
}
