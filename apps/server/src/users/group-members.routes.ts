import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { canGrantRole, groupPrincipalId } from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { requireAuth } from '../auth/request-auth.ts';
import { forbidden, notFound } from '../auth/auth.error.ts';
import { assertMayChangeGroup, groupOf, workspaceRoleOf } from './group-access.ts';
import { rotateSessionsOnPrivilegeChange } from '../auth/rotate-sessions-on-privilege-change.ts';
import { groupMemberIds } from './role-holder-ids.ts';

const MemberParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  groupId: Type.String({ minLength: 1, maxLength: 128 }),
  userId: Type.String({ minLength: 1, maxLength: 128 }),
});
const GroupParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  groupId: Type.String({ minLength: 1, maxLength: 128 }),
});
const GroupRoleParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  groupId: Type.String({ minLength: 1, maxLength: 128 }),
  roleId: Type.String({ minLength: 1, maxLength: 64 }),
});
const GrantBody = Type.Object(
  { role: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);

/** Group members and group roles. Effective permissions are re-resolved on every request. */
export function registerGroupMemberRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  app.put<{ Params: Static<typeof MemberParams> }>(
    '/api/v1/workspaces/:workspaceId/groups/:groupId/members/:userId',
    {
      config: {
        permission: 'roles.manage',
        summary: "Add an account to a group (it gains the group's roles)",
      },
      schema: { params: MemberParams },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { workspaceId, groupId, userId } = request.params;
      const group = await groupOf(rt, workspaceId, groupId);
      await assertMayChangeGroup(rt, auth.principal, group);
      const user = await rt.stores.users.get(userId);
      if (!user) throw notFound('user');
      const added = await rt.stores.groups.addMember({
        workspaceId,
        groupId,
        userId: user.id,
        addedBy: auth.principal.id,
        addedAt: rt.clock.now(),
      });
      if (!added) throw notFound('group');
      const { sessionsEnded } = await rotateSessionsOnPrivilegeChange(rt, [user.id], { auth, reply });
      await auditRequest(rt.audit, request, {
        event_type: 'group.member_added',
        result: 'success',
        resource: `group:${groupId}:${user.id}`,
        workspace: workspaceId,
        details: { sessionsEnded },
      });
      return reply.status(204).send();
    },
  );

  app.delete<{ Params: Static<typeof MemberParams> }>(
    '/api/v1/workspaces/:workspaceId/groups/:groupId/members/:userId',
    {
      config: {
        permission: 'roles.manage',
        summary: 'Remove an account from a group (its roles go at once)',
      },
      schema: { params: MemberParams },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { workspaceId, groupId, userId } = request.params;
      const group = await groupOf(rt, workspaceId, groupId);
      await assertMayChangeGroup(rt, auth.principal, group);
      if (!(await rt.stores.groups.removeMember(workspaceId, groupId, userId))) throw notFound('member');
      const { sessionsEnded } = await rotateSessionsOnPrivilegeChange(rt, [userId], { auth, reply });
      await auditRequest(rt.audit, request, {
        event_type: 'group.member_removed',
        result: 'success',
        resource: `group:${groupId}:${userId}`,
        workspace: workspaceId,
        details: { sessionsEnded },
      });
      return reply.status(204).send();
    },
  );

  app.post<{ Params: Static<typeof GroupParams>; Body: Static<typeof GrantBody> }>(
    '/api/v1/workspaces/:workspaceId/groups/:groupId/roles',
    {
      config: { permission: 'roles.manage', summary: 'Grant a role to a group (never beyond your own)' },
      schema: { params: GroupParams, body: GrantBody },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { workspaceId, groupId } = request.params;
      const role = await workspaceRoleOf(rt, workspaceId, request.body.role);
      const may = canGrantRole(auth.principal, workspaceId, role);
      if (!may.allowed) throw forbidden(`roles.manage (${may.reason})`, workspaceId);
      await groupOf(rt, workspaceId, groupId);
      await rt.stores.roleGrants.grant({
        principalId: groupPrincipalId(groupId),
        roleId: role.id,
        workspaceId,
        grantedBy: auth.principal.id,
        grantedAt: rt.clock.now(),
      });
      const members = await groupMemberIds(rt, workspaceId, groupId);
      const { sessionsEnded } = await rotateSessionsOnPrivilegeChange(rt, members, { auth, reply });
      await auditRequest(rt.audit, request, {
        event_type: 'role.granted',
        result: 'success',
        resource: `group:${groupId}:${role.id}`,
        workspace: workspaceId,
        details: { sessionsEnded },
      });
      return reply.status(201).send({ groupId, roleId: role.id, workspaceId });
    },
  );

  app.delete<{ Params: Static<typeof GroupRoleParams> }>(
    '/api/v1/workspaces/:workspaceId/groups/:groupId/roles/:roleId',
    {
      config: { permission: 'roles.manage', summary: 'Revoke a role from a group' },
      schema: { params: GroupRoleParams },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { workspaceId, groupId, roleId } = request.params;
      const role = await workspaceRoleOf(rt, workspaceId, roleId);
      const may = canGrantRole(auth.principal, workspaceId, role);
      if (!may.allowed) throw forbidden(`roles.manage (${may.reason})`, workspaceId);
      if (!(await rt.stores.roleGrants.revoke(groupPrincipalId(groupId), roleId, workspaceId))) {
        throw notFound('role grant');
      }
      const members = await groupMemberIds(rt, workspaceId, groupId);
      const { sessionsEnded } = await rotateSessionsOnPrivilegeChange(rt, members, { auth, reply });
      await auditRequest(rt.audit, request, {
        event_type: 'role.revoked',
        result: 'success',
        resource: `group:${groupId}:${roleId}`,
        workspace: workspaceId,
        details: { sessionsEnded },
      });
      return reply.status(204).send();
    },
  );
}
