import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import { BUILT_IN_ROLES, canGrantRole, validateCustomRole, type Role } from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { requireAuth } from '../auth/request-auth.ts';
import { forbidden, notFound } from '../auth/auth.error.ts';
import { rotateSessionsOnPrivilegeChange } from '../auth/rotate-sessions-on-privilege-change.ts';
import { roleHolderIds } from './role-holder-ids.ts';

const WsParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
const RoleParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  roleId: Type.String({ minLength: 1, maxLength: 64 }),
});
const RoleBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    permissions: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);

const view = (r: Role) => ({ id: r.id, name: r.name, builtIn: r.builtIn, permissions: r.permissions });

/** Built-in and custom roles of a workspace; custom roles come from the permission catalogue. */
export function registerRoleRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  app.get<{ Params: Static<typeof WsParams> }>(
    '/api/v1/workspaces/:workspaceId/roles',
    {
      config: { permission: 'users.read', summary: 'Roles available in the workspace' },
      schema: { params: WsParams },
    },
    async (request) => ({
      roles: [...BUILT_IN_ROLES, ...(await rt.stores.roles.list(request.params.workspaceId))].map(view),
    }),
  );

  app.put<{ Params: Static<typeof RoleParams>; Body: Static<typeof RoleBody> }>(
    '/api/v1/workspaces/:workspaceId/roles/:roleId',
    {
      config: {
        permission: 'roles.manage',
        summary: 'Create or change a custom role (never beyond your own permissions)',
      },
      schema: { params: RoleParams, body: RoleBody },
    },
    async (request, reply) => {
      const { workspaceId, roleId } = request.params;
      const checked = validateCustomRole(workspaceId, { id: roleId, ...request.body });
      if (!checked.ok) {
        throw userError('ROLE_INVALID', checked.problems.map((p) => `${p.where}: ${p.message}`).join('; '), {
          status: 400,
          details: { problems: checked.problems },
        });
      }
      const auth = requireAuth(request);
      const may = canGrantRole(auth.principal, workspaceId, checked.role);
      if (!may.allowed) throw forbidden(`roles.manage (${may.reason})`, workspaceId);
      const existed = await rt.stores.roles.get(workspaceId, roleId);
      await rt.stores.roles.put({ ...checked.role, workspace: workspaceId });
      // Changing a role's permissions changes the privileges of everyone holding it.
      const changed = existed && existed.permissions.join() !== checked.role.permissions.join();
      const holders = changed ? await roleHolderIds(rt, workspaceId, roleId) : [];
      const { sessionsEnded } = await rotateSessionsOnPrivilegeChange(rt, holders, { auth, reply });
      await auditRequest(rt.audit, request, {
        event_type: existed ? 'role.updated' : 'role.created',
        result: 'success',
        resource: `role:${roleId}`,
        workspace: workspaceId,
        details: { permissions: checked.role.permissions, sessionsEnded },
      });
      return view(checked.role);
    },
  );

  app.delete<{ Params: Static<typeof RoleParams> }>(
    '/api/v1/workspaces/:workspaceId/roles/:roleId',
    {
      config: { permission: 'roles.manage', summary: 'Delete an unused custom role' },
      schema: { params: RoleParams },
    },
    async (request, reply) => {
      const { workspaceId, roleId } = request.params;
      if (!(await rt.stores.roles.delete(workspaceId, roleId))) throw notFound('role');
      await auditRequest(rt.audit, request, {
        event_type: 'role.deleted',
        result: 'success',
        resource: `role:${roleId}`,
        workspace: workspaceId,
      });
      return reply.status(204).send();
    },
  );
}
