import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Clock } from '@vigil/core';
import type { AuditTrail } from '@vigil/identity';
import { auditRequest } from '../audit/request-audit.ts';
import type { OverviewSources } from '../overview/collect-workspace-overview.ts';
import { OVERVIEW_DAYS } from '../overview/overview.routes.ts';
import { AggregateOverviewReply, WorkspaceParams } from '../overview/overview.schema.ts';
import { crossWorkspaceOverview } from './cross-workspace-overview.ts';
import type { CrossWorkspaceGrantStore } from './cross-workspace-grant-store.ts';

export interface CrossWorkspaceOverviewDeps {
  grants: CrossWorkspaceGrantStore;
  sources: OverviewSources;
  audit: AuditTrail;
  clock: Clock;
}

/**
 * `GET /api/v1/workspaces/:workspaceId/cross-workspace/overview` (issue 6): for members of a central
 * workspace with reports.read there, the aggregated overview of the workspaces that granted it — and
 * of no other. Only the aggregate leaves (the response schema lets nothing else through). Each read is
 * audited in the granting workspace, so its administrators see who looked at their figures and when.
 */
export function registerCrossWorkspaceOverviewRoute(
  app: FastifyInstance,
  deps: CrossWorkspaceOverviewDeps,
): void {
  app.get<{ Params: Static<typeof WorkspaceParams> }>(
    '/api/v1/workspaces/:workspaceId/cross-workspace/overview',
    {
      config: {
        permission: 'reports.read',
        summary: 'Aggregated overview of the workspaces that granted this one a cross-workspace view',
      },
      schema: { params: WorkspaceParams, response: { 200: AggregateOverviewReply } },
    },
    async (request) => {
      const central = request.params.workspaceId;
      const { overview, grants } = await crossWorkspaceOverview(
        deps,
        central,
        deps.clock.now(),
        OVERVIEW_DAYS,
      );
      for (const g of grants) {
        await auditRequest(deps.audit, request, {
          event_type: 'cross_workspace.overview_read',
          result: 'success',
          resource: `cross-workspace-grant:${g.sourceWorkspace}->${central}`,
          workspace: g.sourceWorkspace,
          details: { centralWorkspace: central },
        });
      }
      return overview;
    },
  );
}
