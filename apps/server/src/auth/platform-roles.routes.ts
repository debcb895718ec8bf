import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { PLATFORM_ROLES } from '@vigil/identity';
import type { IdentityRuntime } from './identity-runtime.ts';
import { requireAuth } from './request-auth.ts';
import { notFound } from './auth.error.ts';
import { changePlatformRole } from './change-platform-role.ts';

const UserParams = Type.Object({ userId: Type.String({ minLength: 1, maxLength: 128 }) });
const RoleParams = Type.Object({
  userId: Type.String({ minLength: 1, maxLength: 128 }),
  roleId: Type.String({ minLength: 1, maxLength: 64 }),
});
const GrantBody = Type.Object(
  { role: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

/** Installation roles (operator, security manager, platform administrator), managed by platform admins. */
export function registerPlatformRoleRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  const facts = (request: { ip: string; id: string; headers: Record<string, unknown> }) => {
    const agent = request.headers['user-agent'];
    return {
      client_ip: request.ip,
      client_id: typeof agent === 'string' ? agent.slice(0, 256) : null,
      request_id: request.id,
    };
  };

  app.get<{ Params: Static<typeof UserParams> }>(
    '/api/v1/platform/users/:userId/roles',
    {
      config: { permission: 'platform.roles.manage', summary: 'Platform roles an account holds' },
      schema: { params: UserParams },
    },
    async (request) => {
      const user = await rt.stores.users.get(request.params.userId);
      if (!user) throw notFound('user');
      const grants = (await rt.stores.roleGrants.listForPrincipal(user.id)).filter(
        (g) => g.workspaceId === undefined,
      );
      return {
        userId: user.id,
        roles: grants.map((g) => ({
          roleId: g.roleId,
          grantedBy: g.grantedBy,
          grantedAt: new Date(g.grantedAt).toISOString(),
        })),
        available: PLATFORM_ROLES.map((r) => r.id),
      };
    },
  );

  app.post<{ Params: Static<typeof UserParams>; Body: Static<typeof GrantBody> }>(
    '/api/v1/platform/users/:userId/roles',
    {
      config: {
        permission: 'platform.roles.manage',
        summary: 'Grant a platform role (operator and security-manager never on one account)',
      },
      schema: { params: UserParams, body: GrantBody },
    },
    async (request, reply) => {
      const { user } = await changePlatformRole(rt, {
        actor: requireAuth(request).principal,
        action: 'grant',
        user: { id: request.params.userId },
        roleId: request.body.role,
        audit: facts(request),
        onAudited: () => (request.audited = true),
        caller: { auth: requireAuth(request), reply },
      });
      return reply.status(201).send({ userId: user.id, roleId: request.body.role });
    },
  );

  app.delete<{ Params: Static<typeof RoleParams> }>(
    '/api/v1/platform/users/:userId/roles/:roleId',
    {
      config: { permission: 'platform.roles.manage', summary: 'Revoke a platform role' },
      schema: { params: RoleParams },
    },
    async (request, reply) => {
      await changePlatformRole(rt, {
        actor: requireAuth(request).principal,
        action: 'revoke',
        user: { id: request.params.userId },
        roleId: request.params.roleId,
        audit: facts(request),
        onAudited: () => (request.audited = true),
        caller: { auth: requireAuth(request), reply },
      });
      return reply.status(204).send();
    },
  );
}
