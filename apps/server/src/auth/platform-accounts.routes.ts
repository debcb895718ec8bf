import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { PLATFORM_ROLES } from '@vigil/identity';
import type { IdentityRuntime } from './identity-runtime.ts';
import { publicUser } from './public-user.ts';

const ListQuery = Type.Object(
  {
    /** Keyset pagination: accounts whose id sorts after this one. */
    after: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  },
  { additionalProperties: false },
);

/**
 * Every account of the installation with the platform roles it holds: the list the console's platform
 * roles page grants from. Workspace grants are not shown (they are each workspace's business).
 */
export function registerPlatformAccountRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  app.get<{ Querystring: Static<typeof ListQuery> }>(
    '/api/v1/platform/users',
    {
      config: {
        permission: 'platform.roles.manage',
        summary: 'Accounts of the installation and their platform roles',
      },
      schema: { querystring: ListQuery },
    },
    async (request) => {
      const limit = request.query.limit ?? 100;
      // One more than asked tells whether another page follows.
      const page = await rt.stores.users.list({
        ...(request.query.after === undefined ? {} : { after: request.query.after }),
        limit: limit + 1,
      });
      const users = [];
      for (const user of page.slice(0, limit)) {
        const platformRoles = (await rt.stores.roleGrants.listForPrincipal(user.id))
          .filter((g) => g.workspaceId === undefined)
          .map((g) => g.roleId)
          .sort();
        users.push({ ...publicUser(user), platformRoles });
      }
      const last = users.at(-1);
      return {
        users,
        ...(page.length > limit && last !== undefined ? { next: last.id } : {}),
        available: PLATFORM_ROLES.map((r) => ({ id: r.id, name: r.name, permissions: r.permissions })),
      };
    },
  );
}
