import type { FastifyInstance } from 'fastify';
import { PERMISSION_CATALOGUE, PERMISSIONS } from '@vigil/identity';
import { AUTHENTICATED } from '../http/route-config.ts';

/** The permission catalogue, so the console's role editor lists it instead of keeping a copy. */
export function registerPermissionRoutes(app: FastifyInstance): void {
  app.get(
    '/api/v1/permissions',
    { config: { permission: AUTHENTICATED, summary: 'The permission catalogue (workspace and platform)' } },
    () => ({
      permissions: PERMISSIONS.map((id) => ({
        id,
        scope: PERMISSION_CATALOGUE[id].scope,
        description: PERMISSION_CATALOGUE[id].description,
      })),
    }),
  );
}
