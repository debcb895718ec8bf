import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Clock } from '@vigil/core';
import type { AuditTrail, WorkspaceStore } from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import type { CrossWorkspaceGrant } from './cross-workspace-grant.ts';
import type { CrossWorkspaceGrantStore } from './cross-workspace-grant-store.ts';
import { centralWorkspaceUnknown, grantNotFound, grantToSelf } from './cross-workspace.error.ts';
import {
  GrantBody,
  GrantListReply,
  GrantParams,
  GrantView,
  WorkspaceParams,
} from './cross-workspace.schema.ts';

export interface CrossWorkspaceGrantDeps {
  grants: CrossWorkspaceGrantStore;
  workspaces: Pick<WorkspaceStore, 'get'>;
  audit: AuditTrail;
  clock: Clock;
}

const base = '/api/v1/workspaces/:workspaceId/cross-workspace/grants';

export const grantView = (g: CrossWorkspaceGrant) => ({
  ...g,
  grantedAt: new Date(g.grantedAt).toISOString(),
});

const actor = (request: FastifyRequest): string => request.auth?.principal.id ?? 'unknown';

/**
 * Grant CRUD (issue 6). The path's workspace is the one sharing: its administrators (settings.write)
 * grant or revoke the aggregated view of it to a central workspace; settings.read lists what it gave
 * and what it received. Grants and revokes are audited in the sharing workspace.
 */
export function registerCrossWorkspaceGrantRoutes(app: FastifyInstance, deps: CrossWorkspaceGrantDeps): void {
  app.get<{ Params: Static<typeof WorkspaceParams> }>(
    base,
    {
      config: { permission: 'settings.read', summary: 'Cross-workspace grants given and received' },
      schema: { params: WorkspaceParams, response: { 200: GrantListReply } },
    },
    async (request) => {
      const ws = request.params.workspaceId;
      const [given, received] = await Promise.all([deps.grants.given(ws), deps.grants.received(ws)]);
      return { given: given.map(grantView), received: received.map(grantView) };
    },
  );

  app.post<{ Params: Static<typeof WorkspaceParams>; Body: Static<typeof GrantBody> }>(
    base,
    {
      config: {
        permission: 'settings.write',
        summary: 'Grant a central workspace the aggregated overview of this workspace',
      },
      schema: { params: WorkspaceParams, body: GrantBody, response: { 201: GrantView } },
    },
    async (request, reply) => {
      const source = request.params.workspaceId;
      const central = request.body.centralWorkspace;
      if (central === source) throw grantToSelf();
      const target = await deps.workspaces.get(central);
      if (target === undefined || target.status !== 'active') throw centralWorkspaceUnknown(central);
      const grant = await deps.grants.grant({
        sourceWorkspace: source,
        centralWorkspace: central,
        scope: request.body.scope ?? 'aggregated_overview',
        grantedBy: actor(request),
        grantedAt: deps.clock.now(),
      });
      await auditRequest(deps.audit, request, {
        event_type: 'cross_workspace.granted',
        result: 'success',
        resource: `cross-workspace-grant:${source}->${central}`,
        workspace: source,
        details: { centralWorkspace: central, scope: grant.scope },
      });
      return reply.status(201).send(grantView(grant));
    },
  );

  app.delete<{ Params: Static<typeof GrantParams> }>(
    `${base}/:centralWorkspaceId`,
    {
      config: { permission: 'settings.write', summary: 'Revoke a cross-workspace grant' },
      schema: { params: GrantParams },
    },
    async (request, reply) => {
      const { workspaceId: source, centralWorkspaceId: central } = request.params;
      if (!(await deps.grants.revoke(source, central))) throw grantNotFound(source, central);
      await auditRequest(deps.audit, request, {
        event_type: 'cross_workspace.revoked',
        result: 'success',
        resource: `cross-workspace-grant:${source}->${central}`,
        workspace: source,
        details: { centralWorkspace: central },
      });
      return reply.status(204).send();
    },
  );
}
