import type { FastifyInstance } from 'fastify';
import type { Clock, MetadataStore } from '@vigil/core';
import type { AuditTrail, WorkspaceStore } from '@vigil/identity';
import type { OverviewSources } from './collect-workspace-overview.ts';
import { registerOverviewRoute } from './overview.routes.ts';
import { CrossWorkspaceGrantStore } from '../cross-workspace/cross-workspace-grant-store.ts';
import { registerCrossWorkspaceGrantRoutes } from '../cross-workspace/cross-workspace-grants.routes.ts';
import { registerCrossWorkspaceOverviewRoute } from '../cross-workspace/cross-workspace-overview.routes.ts';

export interface OverviewRoutesDeps {
  sources: OverviewSources;
  metadata: MetadataStore;
  workspaces: Pick<WorkspaceStore, 'get'>;
  audit: AuditTrail;
  clock: Clock;
}

/** The overview of a workspace (issue 5), and cross-workspace grants and the aggregated view (issue 6). */
export function registerOverviewRoutes(app: FastifyInstance, deps: OverviewRoutesDeps): void {
  const grants = new CrossWorkspaceGrantStore(deps.metadata);
  registerOverviewRoute(app, deps.sources, grants, deps.clock);
  registerCrossWorkspaceGrantRoutes(app, { grants, ...deps });
  registerCrossWorkspaceOverviewRoute(app, { grants, ...deps });
}
