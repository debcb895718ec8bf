import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import {
  builtInRole,
  canGrantRole,
  groupIdOfPrincipal,
  hashPassword,
  type Role,
  type User,
} from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { requireAuth } from '../auth/request-auth.ts';
import { forbidden, notFound } from '../auth/auth.error.ts';
import { publicUser } from '../auth/public-user.ts';
import { assertPasswordPolicy, assertUsername } from '../auth/password-rules.ts';
import { rotateSessionsOnPrivilegeChange } from '../auth/rotate-sessions-on-privilege-change.ts';

const WsParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
const UserParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  userId: Type.String({ minLength: 1, maxLength: 128 }),
});
const RoleParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  userId: Type.String({ minLength: 1, maxLength: 128 }),
  roleId: Type.String({ minLength: 1, maxLength: 64 }),
});
const CreateBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 64 }),
    /** Temporary password: the account must change it at first sign-in. */
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);
const GrantBody = Type.Object(
  { role: Type.String({ minLength: 1, maxLength: 64 }) },
  { additionalProperties: false },
);
const ResetBody = Type.Object(
  { temporaryPassword: Type.String({ minLength: 1, maxLength: 1024 }) },
  { additionalProperties: false },
);

async function workspaceRole(rt: IdentityRuntime, workspaceId: string, roleId: string): Promise<Role> {
  const role = builtInRole(roleId) ?? (await rt.stores.roles.get(workspaceId, roleId));
  if (!role || role.scope !== 'workspace') {
    throw userError('ROLE_UNKNOWN', `No role ${roleId} in this workspace`, {
      status: 400,
      details: { field: 'role' },
    });
  }
  return role;
}

/**
 * A member is an account holding a role in the workspace, directly or through one of its groups; others
 * are invisible from it (404).
 */
async function member(rt: IdentityRuntime, workspaceId: string, userId: string): Promise<User> {
  const user = await rt.stores.users.get(userId);
  const grants = user ? await rt.stores.roleGrants.listForPrincipal(user.id) : [];
  const groups = user ? await rt.stores.groups.listForUser(user.id) : [];
  const inWorkspace =
    grants.some((g) => g.workspaceId === workspaceId) || groups.some((m) => m.workspaceId === workspaceId);
  if (!user || !inWorkspace) throw notFound('user');
  return user;
}

/** Accounts in the workspace's groups, by user id, with the names of those groups. */
async function groupMembers(rt: IdentityRuntime, workspaceId: string): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const g of await rt.stores.groups.list(workspaceId)) {
    for (const m of await rt.stores.groups.listMembers(workspaceId, g.id)) {
      out.set(m.userId, [...(out.get(m.userId) ?? []), g.name]);
    }
  }
  return out;
}

/** Accounts and role grants, managed from a workspace. New accounts hold no permission until granted a role. */
export function registerUserRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  app.get<{ Params: Static<typeof WsParams> }>(
    '/api/v1/workspaces/:workspaceId/users',
    {
      config: { permission: 'users.read', summary: 'Members of the workspace and their roles' },
      schema: { params: WsParams },
    },
    async (request) => {
      const grants = await rt.stores.roleGrants.listForWorkspace(request.params.workspaceId);
      const inGroups = await groupMembers(rt, request.params.workspaceId);
      const users = [];
      const ids = [...grants.map((g) => g.principalId), ...inGroups.keys()];
      for (const id of [...new Set(ids)]) {
        if (groupIdOfPrincipal(id) !== undefined) continue;
        const user = await rt.stores.users.get(id);
        if (user)
          users.push({
            ...publicUser(user),
            // Direct roles only; `groups` names the groups whose roles the account also holds here.
            roles: grants.filter((g) => g.principalId === id).map((g) => g.roleId),
            groups: inGroups.get(id) ?? [],
          });
      }
      return { users };
    },
  );

  app.post<{ Params: Static<typeof WsParams>; Body: Static<typeof CreateBody> }>(
    '/api/v1/workspaces/:workspaceId/users',
    {
      config: {
        permission: 'users.manage',
        summary: 'Create an account (no permissions until a role is granted)',
      },
      schema: { params: WsParams, body: CreateBody },
    },
    async (request, reply) => {
      const { username, password, displayName } = request.body;
      assertUsername(username);
      assertPasswordPolicy(password, username);
      const now = rt.clock.now();
      const user: User = {
        id: rt.ids.next(),
        username,
        ...(displayName === undefined ? {} : { displayName }),
        passwordHash: await hashPassword(password, rt.passwordParams),
        disabled: false,
        mustChangePassword: true,
        mfaEnabled: false,
        createdAt: now,
        updatedAt: now,
      };
      await rt.stores.users.create(user);
      await auditRequest(rt.audit, request, {
        event_type: 'user.created',
        result: 'success',
        resource: `user:${user.id}`,
        workspace: request.params.workspaceId,
      });
      return reply.status(201).send(publicUser(user));
    },
  );

  app.post<{ Params: Static<typeof UserParams>; Body: Static<typeof GrantBody> }>(
    '/api/v1/workspaces/:workspaceId/users/:userId/roles',
    {
      config: {
        permission: 'roles.manage',
        summary: 'Grant a role in the workspace (never beyond your own)',
      },
      schema: { params: UserParams, body: GrantBody },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { workspaceId, userId } = request.params;
      const role = await workspaceRole(rt, workspaceId, request.body.role);
      const may = canGrantRole(auth.principal, workspaceId, role);
      if (!may.allowed) throw forbidden(`roles.manage (${may.reason})`, workspaceId);
      const user = await rt.stores.users.get(userId);
      if (!user) throw notFound('user');
      await rt.stores.roleGrants.grant({
        principalId: user.id,
        roleId: role.id,
        workspaceId,
        grantedBy: auth.principal.id,
        grantedAt: rt.clock.now(),
      });
      const { sessionsEnded } = await rotateSessionsOnPrivilegeChange(rt, [user.id], { auth, reply });
      await auditRequest(rt.audit, request, {
        event_type: 'role.granted',
        result: 'success',
        resource: `user:${user.id}:${role.id}`,
        workspace: workspaceId,
        details: { sessionsEnded },
      });
      return reply.status(201).send({ userId: user.id, roleId: role.id, workspaceId });
    },
  );

  app.delete<{ Params: Static<typeof RoleParams> }>(
    '/api/v1/workspaces/:workspaceId/users/:userId/roles/:roleId',
    {
      config: { permission: 'roles.manage', summary: 'Revoke a role in the workspace' },
      schema: { params: RoleParams },
    },
    async (request, reply) => {
      const auth = requireAuth(request);
      const { workspaceId, userId, roleId } = request.params;
      const role = await workspaceRole(rt, workspaceId, roleId);
      const may = canGrantRole(auth.principal, workspaceId, role);
      if (!may.allowed) throw forbidden(`roles.manage (${may.reason})`, workspaceId);
      const grants = await rt.stores.roleGrants.listForWorkspace(workspaceId);
      // Only accounts count as owners here: a group holding owner may have no members at all.
      const owners = grants.filter(
        (g) => g.roleId === 'owner' && groupIdOfPrincipal(g.principalId) === undefined,
      );
      if (
        roleId === 'owner' &&
        owners.length === 1 &&
        grants.some((g) => g.roleId === 'owner' && g.principalId === userId)
      ) {
        throw userError('LAST_OWNER', 'A workspace keeps at least one owner', { status: 409 });
      }
      if (!(await rt.stores.roleGrants.revoke(userId, roleId, workspaceId))) throw notFound('role grant');
      const { sessionsEnded } = await rotateSessionsOnPrivilegeChange(rt, [userId], { auth, reply });
      await auditRequest(rt.audit, request, {
        event_type: 'role.revoked',
        result: 'success',
        resource: `user:${userId}:${roleId}`,
        workspace: workspaceId,
        details: { sessionsEnded },
      });
      return reply.status(204).send();
    },
  );

  app.post<{ Params: Static<typeof UserParams>; Body: Static<typeof ResetBody> }>(
    '/api/v1/workspaces/:workspaceId/users/:userId/password-reset',
    {
      config: {
        permission: 'users.manage',
        summary: 'Force a password reset: temporary password, sessions ended',
      },
      schema: { params: UserParams, body: ResetBody },
    },
    async (request) => {
      const { workspaceId, userId } = request.params;
      const user = await member(rt, workspaceId, userId);
      assertPasswordPolicy(request.body.temporaryPassword, user.username);
      await rt.stores.users.update({
        ...user,
        passwordHash: await hashPassword(request.body.temporaryPassword, rt.passwordParams),
        mustChangePassword: true,
        updatedAt: rt.clock.now(),
      });
      const ended = await rt.sessions.endAll(user.id);
      await auditRequest(rt.audit, request, {
        event_type: 'auth.password_reset_forced',
        result: 'success',
        resource: `user:${user.id}`,
        workspace: workspaceId,
        details: { sessionsEnded: ended },
      });
      return { userId: user.id, mustChangePassword: true, sessionsEnded: ended };
    },
  );
}
