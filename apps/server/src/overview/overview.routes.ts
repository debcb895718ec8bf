import type { FastifyInstance } from 'fastify';
import type { Static } from '@sinclair/typebox';
import type { Clock } from '@vigil/core';
import type { CrossWorkspaceGrantStore } from '../cross-workspace/cross-workspace-grant-store.ts';
import { collectWorkspaceOverview, type OverviewSources } from './collect-workspace-overview.ts';
import { WorkspaceOverviewReply, WorkspaceParams } from './overview.schema.ts';

/** Days of the overview's trends. */
export const OVERVIEW_DAYS = 7;

/**
 * `GET /api/v1/workspaces/:workspaceId/overview` (issue 5): the situation of the workspace — security
 * score with its inputs, 7-day trends, open incidents and SLA breaches, top rules and entities, ingest,
 * and how many workspaces granted it a cross-workspace view.
 */
export function registerOverviewRoute(
  app: FastifyInstance,
  sources: OverviewSources,
  grants: CrossWorkspaceGrantStore,
  clock: Clock,
): void {
  app.get<{ Params: Static<typeof WorkspaceParams> }>(
    '/api/v1/workspaces/:workspaceId/overview',
    {
      config: {
        permission: 'reports.read',
        summary: 'Situation overview: security score and its inputs, 7-day trends, top rules and entities',
      },
      schema: { params: WorkspaceParams, response: { 200: WorkspaceOverviewReply } },
    },
    async (request) => {
      const ws = request.params.workspaceId;
      const overview = await collectWorkspaceOverview(sources, ws, clock.now(), OVERVIEW_DAYS);
      // Tells the console whether to offer the aggregated view (the grants themselves need settings.read).
      return { ...overview, crossWorkspaceSources: (await grants.received(ws)).length };
    },
  );
}
