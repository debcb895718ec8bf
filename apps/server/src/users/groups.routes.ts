import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import { groupPrincipalId, validateGroupInput, type Group, type GroupInput } from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { requireAuth } from '../auth/request-auth.ts';
import { notFound } from '../auth/auth.error.ts';
import { assertMayChangeGroup, groupOf } from './group-access.ts';
import { rotateSessionsOnPrivilegeChange } from '../auth/rotate-sessions-on-privilege-change.ts';
import { groupMemberIds } from './role-holder-ids.ts';

const WsParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
const GroupParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  groupId: Type.String({ minLength: 1, maxLength: 128 }),
});
const CreateBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 80 }),
    ssoGroup: Type.Optional(Type.String({ minLength: 1, maxLength: 256 })),
  },
  { additionalProperties: false },
);
const UpdateBody = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    /** null unbinds the group from the identity provider. */
    ssoGroup: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 256 }), Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);

function checked(input: GroupInput): { name: string; ssoGroup?: string } {
  const result = validateGroupInput(input);
  if (!result.ok) {
    throw userError('GROUP_INVALID', result.problems.map((p) => `${p.where}: ${p.message}`).join('; '), {
      status: 400,
      details: { problems: result.problems, field: result.problems[0]?.where },
    });
  }
  return { name: result.name, ...(result.ssoGroup === undefined ? {} : { ssoGroup: result.ssoGroup }) };
}

/** What the API shows of a group: its roles in the workspace and its members' names. */
export async function groupView(rt: IdentityRuntime, g: Group) {
  const grants = await rt.stores.roleGrants.listForPrincipal(groupPrincipalId(g.id));
  const members = [];
  for (const m of await rt.stores.groups.listMembers(g.workspaceId, g.id)) {
    const user = await rt.stores.users.get(m.userId);
    if (user) members.push({ id: user.id, username: user.username, addedBy: m.addedBy });
  }
  return {
    id: g.id,
    name: g.name,
    ...(g.ssoGroup === undefined ? {} : { ssoGroup: g.ssoGroup }),
    createdAt: new Date(g.createdAt).toISOString(),
    roles: grants.filter((x) => x.workspaceId === g.workspaceId).map((x) => x.roleId),
    members,
  };
}

/** User groups of a workspace: roles granted to a group apply to its members there. */
export function registerGroupRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  app.get<{ Params: Static<typeof WsParams> }>(
    '/api/v1/workspaces/:workspaceId/groups',
    {
      config: { permission: 'users.read', summary: 'Groups of the workspace, their roles and members' },
      schema: { params: WsParams },
    },
    async (request) => {
      const groups = [];
      for (const g of await rt.stores.groups.list(request.params.workspaceId))
        groups.push(await groupView(rt, g));
      return { groups };
    },
  );

  app.post<{ Params: Static<typeof WsParams>; Body: Static<typeof CreateBody> }>(
    '/api/v1/workspaces/:workspaceId/groups',
    {
      config: { permission: 'roles.manage', summary: 'Create a group (no roles, no members yet)' },
      schema: { params: WsParams, body: CreateBody },
    },
    async (request, reply) => {
      const { workspaceId } = request.params;
      const input = checked(request.body);
      const group: Group = { id: rt.ids.next(), workspaceId, ...input, createdAt: rt.clock.now() };
      await rt.stores.groups.create(group);
      await auditRequest(rt.audit, request, {
        event_type: 'group.created',
        result: 'success',
        resource: `group:${group.id}`,
        workspace: workspaceId,
        details: { name: group.name, ...(input.ssoGroup === undefined ? {} : { ssoGroup: input.ssoGroup }) },
      });
      return reply.status(201).send(await groupView(rt, group));
    },
  );

  app.patch<{ Params: Static<typeof GroupParams>; Body: Static<typeof UpdateBody> }>(
    '/api/v1/workspaces/:workspaceId/groups/:groupId',
    {
      config: { permission: 'roles.manage', summary: 'Rename a group or change its SSO group' },
      schema: { params: GroupParams, body: UpdateBody },
    },
    async (request) => {
      const { workspaceId, groupId } = request.params;
      const group = await groupOf(rt, workspaceId, groupId);
      const sso = request.body.ssoGroup === undefined ? group.ssoGroup : (request.body.ssoGroup ?? undefined);
      // Rebinding the SSO group changes who SSO puts in, so it needs the same right as adding members.
      if (sso !== group.ssoGroup) await assertMayChangeGroup(rt, requireAuth(request).principal, group);
      const input = checked({ name: request.body.name ?? group.name, ssoGroup: sso });
      const { ssoGroup: _old, ...rest } = group;
      const updated: Group = { ...rest, ...input };
      if (!(await rt.stores.groups.update(updated))) throw notFound('group');
      await auditRequest(rt.audit, request, {
        event_type: 'group.updated',
        result: 'success',
        resource: `group:${groupId}`,
        workspace: workspaceId,
        details: { name: updated.name, ssoGroup: updated.ssoGroup ?? null },
      });
      return groupView(rt, updated);
    },
  );

  app.delete<{ Params: Static<typeof GroupParams> }>(
    '/api/v1/workspaces/:workspaceId/groups/:groupId',
    {
      config: { permission: 'roles.manage', summary: 'Delete a group: its members lose its roles at once' },
      schema: { params: GroupParams },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { workspaceId, groupId } = request.params;
      const group = await groupOf(rt, workspaceId, groupId);
      const roleIds = await assertMayChangeGroup(rt, auth.principal, group);
      const members = roleIds.length > 0 ? await groupMemberIds(rt, workspaceId, groupId) : [];
      // Memberships go first: from then on nobody holds the group's roles, whatever happens next.
      await rt.stores.groups.delete(workspaceId, groupId);
      for (const roleId of roleIds)
        await rt.stores.roleGrants.revoke(groupPrincipalId(groupId), roleId, workspaceId);
      const { sessionsEnded } = await rotateSessionsOnPrivilegeChange(rt, members, { auth, reply });
      await auditRequest(rt.audit, request, {
        event_type: 'group.deleted',
        result: 'success',
        resource: `group:${groupId}`,
        workspace: workspaceId,
        details: { name: group.name, roles: roleIds, sessionsEnded },
      });
      return reply.status(204).send();
    },
  );
}
