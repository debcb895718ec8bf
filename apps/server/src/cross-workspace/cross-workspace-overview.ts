import { aggregateOverviews, type AggregateOverview } from '@vigil/cases';
import { collectWorkspaceOverview, type OverviewSources } from '../overview/collect-workspace-overview.ts';
import type { CrossWorkspaceGrant } from './cross-workspace-grant.ts';
import type { CrossWorkspaceGrantStore } from './cross-workspace-grant-store.ts';

/**
 * The aggregated overview of the workspaces that granted `central`, with the grants it used. Each
 * granted workspace is read on its own with every store call scoped to it (PostgreSQL row-level
 * security applies per call), one after another to bound memory; only the aggregate is returned.
 */
export async function crossWorkspaceOverview(
  deps: { grants: CrossWorkspaceGrantStore; sources: OverviewSources },
  central: string,
  now: number,
  days: number,
): Promise<{ overview: AggregateOverview; grants: CrossWorkspaceGrant[] }> {
  const grants = await deps.grants.received(central);
  const overviews = [];
  for (const g of grants) {
    overviews.push(await collectWorkspaceOverview(deps.sources, g.sourceWorkspace, now, days));
  }
  return { overview: aggregateOverviews(central, overviews, now, days), grants };
}
