import type { FastifyInstance } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import { userError } from '@vigil/core';
import {
  OPERATOR_ACCESS_MAX_MS,
  approveOperatorAccess,
  rejectOperatorAccess,
  requestOperatorAccess,
  revokeOperatorAccess,
  type OperatorAccessGrant,
} from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { requireAuth } from '../auth/request-auth.ts';
import { rotateSessionsOnPrivilegeChange } from '../auth/rotate-sessions-on-privilege-change.ts';
import { notFound } from '../auth/auth.error.ts';

const RequestBody = Type.Object(
  {
    workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
    ticket: Type.String({ minLength: 1, maxLength: 64 }),
    reason: Type.String({ minLength: 1, maxLength: 1000 }),
    durationMinutes: Type.Integer({ minimum: 1, maximum: OPERATOR_ACCESS_MAX_MS / 60_000 }),
    permissions: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 60 })),
  },
  { additionalProperties: false },
);
const GrantParams = Type.Object({ grantId: Type.String({ minLength: 1, maxLength: 128 }) });
const WsGrantParams = Type.Object({
  workspaceId: Type.String({ minLength: 1, maxLength: 64 }),
  grantId: Type.String({ minLength: 1, maxLength: 128 }),
});
const WsParams = Type.Object({ workspaceId: Type.String({ minLength: 1, maxLength: 64 }) });
const DecisionBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

const iso = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());
const view = (g: OperatorAccessGrant) => ({
  ...g,
  requestedAt: iso(g.requestedAt),
  decidedAt: iso(g.decidedAt),
  expiresAt: iso(g.expiresAt),
  revokedAt: iso(g.revokedAt),
});

async function change(
  rt: IdentityRuntime,
  before: OperatorAccessGrant,
  after: OperatorAccessGrant,
): Promise<void> {
  if (!(await rt.stores.operatorAccess.update(after, before.status))) {
    throw userError('OPERATOR_ACCESS_STATE', 'The request changed meanwhile; reload it', { status: 409 });
  }
}

/**
 * Operator access (DESIGN §7, seed 000): platform operators have no access to workspace data; they ask
 * against the owner's ticket, a different security manager approves, the grant expires by itself, every
 * use is audited, and the workspace owner sees (and can revoke) grants and their log.
 */
export function registerOperatorAccessRoutes(app: FastifyInstance, rt: IdentityRuntime): void {
  const load = async (id: string) => {
    const grant = await rt.stores.operatorAccess.get(id);
    if (!grant) throw notFound('operator-access request');
    return grant;
  };

  app.post<{ Body: Static<typeof RequestBody> }>(
    '/api/v1/operator-access',
    {
      config: {
        permission: 'operator_access.request',
        summary: "Ask for time-boxed access to a workspace (owner's ticket)",
      },
      schema: { body: RequestBody },
    },
    async (request, reply) => {
      const { workspaceId, ticket, reason, durationMinutes, permissions } = request.body;
      if (!(await rt.stores.workspaces.get(workspaceId))) throw notFound('workspace');
      const grant = requestOperatorAccess(
        requireAuth(request).principal,
        {
          workspaceId,
          ticket,
          reason,
          durationMs: durationMinutes * 60_000,
          ...(permissions ? { permissions } : {}),
        },
        rt.clock,
        rt.ids,
      );
      await rt.stores.operatorAccess.create(grant);
      await auditRequest(rt.audit, request, {
        event_type: 'operator_access.requested',
        result: 'success',
        resource: `operator_access:${grant.id}`,
        workspace: workspaceId,
        details: { ticket },
      });
      return reply.status(201).send(view(grant));
    },
  );

  app.get(
    '/api/v1/operator-access/mine',
    {
      config: {
        permission: 'operator_access.request',
        summary: "The caller's own access requests (any status), newest first",
      },
    },
    async (request) => ({
      requests: (await rt.stores.operatorAccess.listByOperator(requireAuth(request).principal.id)).map(view),
    }),
  );

  app.get(
    '/api/v1/operator-access/pending',
    { config: { permission: 'operator_access.approve', summary: 'Requests waiting for a security manager' } },
    async () => ({ requests: (await rt.stores.operatorAccess.listPending()).map(view) }),
  );

  for (const action of ['approve', 'reject'] as const) {
    app.post<{ Params: Static<typeof GrantParams>; Body: Static<typeof DecisionBody> }>(
      `/api/v1/operator-access/:grantId/${action}`,
      {
        config: {
          permission: 'operator_access.approve',
          summary: `${action === 'approve' ? 'Approve' : 'Reject'} a request (not your own)`,
        },
        schema: { params: GrantParams, body: DecisionBody },
      },
      async (request, reply) => {
        const auth = requireAuth(request);
        const before = await load(request.params.grantId);
        const decide = action === 'approve' ? approveOperatorAccess : rejectOperatorAccess;
        const after = decide(before, auth.principal, rt.clock, request.body.note);
        await change(rt, before, after);
        // An approval is a privilege change (DESIGN §7: new session id). Expiry and revocation need no
        // rotation: the principal is resolved per request and the grant checked against the clock then.
        const { sessionsEnded } =
          action === 'approve'
            ? await rotateSessionsOnPrivilegeChange(rt, [after.operatorId], { auth, reply })
            : { sessionsEnded: 0 };
        await auditRequest(rt.audit, request, {
          event_type: action === 'approve' ? 'operator_access.approved' : 'operator_access.rejected',
          result: 'success',
          resource: `operator_access:${after.id}`,
          workspace: after.workspaceId,
          details: {
            operatorId: after.operatorId,
            ticket: after.ticket,
            ...(action === 'approve' ? { sessionsEnded } : {}),
          },
        });
        return view(after);
      },
    );
  }

  app.post<{ Params: Static<typeof GrantParams> }>(
    '/api/v1/operator-access/:grantId/revoke',
    {
      config: {
        permission: 'operator_access.approve',
        summary: 'End an approved grant early (security managers)',
      },
      schema: { params: GrantParams },
    },
    async (request) => {
      const before = await load(request.params.grantId);
      const after = revokeOperatorAccess(before, requireAuth(request).principal, rt.clock);
      await change(rt, before, after);
      await auditRequest(rt.audit, request, {
        event_type: 'operator_access.revoked',
        result: 'success',
        resource: `operator_access:${after.id}`,
        workspace: after.workspaceId,
      });
      return view(after);
    },
  );

  app.get<{ Params: Static<typeof WsParams> }>(
    '/api/v1/workspaces/:workspaceId/operator-access',
    {
      config: {
        permission: 'operator_access.read',
        summary: 'Operator-access grants to this workspace and their use',
      },
      schema: { params: WsParams },
    },
    async (request) => {
      const { workspaceId } = request.params;
      const grants = await rt.stores.operatorAccess.listByWorkspace(workspaceId);
      const log = await rt.stores.audit.find({
        workspace: workspaceId,
        eventType: 'operator_access.used',
        limit: 1000,
      });
      return { grants: grants.map(view), log };
    },
  );

  app.post<{ Params: Static<typeof WsGrantParams> }>(
    '/api/v1/workspaces/:workspaceId/operator-access/:grantId/revoke',
    {
      config: {
        permission: 'roles.manage',
        summary: 'Revoke an operator-access grant to this workspace (owner)',
      },
      schema: { params: WsGrantParams },
    },
    async (request) => {
      const before = await load(request.params.grantId);
      if (before.workspaceId !== request.params.workspaceId) throw notFound('operator-access request');
      const after = revokeOperatorAccess(before, requireAuth(request).principal, rt.clock);
      await change(rt, before, after);
      await auditRequest(rt.audit, request, {
        event_type: 'operator_access.revoked',
        result: 'success',
        resource: `operator_access:${after.id}`,
        workspace: after.workspaceId,
      });
      return view(after);
    },
  );
}
