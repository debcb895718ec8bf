import type { EventStore, Logger } from '@vigil/core';
import { groupIdOfPrincipal, type Workspace } from '@vigil/identity';
import type { IdentityRuntime } from '../auth/identity-runtime.ts';
import { DATA_SPACE_KIND } from './data-spaces.ts';
import { startPeriodicJob, type PeriodicJob } from '../jobs/start-periodic-job.ts';

/** Later than any event time Vigil stores: dropping events "before" it drops them all. */
const END_OF_TIME = Date.UTC(9999, 0, 1);

export interface WorkspacePurgeDeps {
  rt: IdentityRuntime;
  events: EventStore;
  logger: Logger;
  /** Other domains' per-workspace data (cases, rules…), purged before the workspace row goes. */
  extraPurgers?: readonly ((workspaceId: string) => Promise<number>)[];
}

export interface WorkspacePurgeReport {
  purged: string[];
  failed: string[];
}

async function purgeOne(deps: WorkspacePurgeDeps, w: Workspace): Promise<Record<string, number>> {
  const { rt } = deps;
  const counts: Record<string, number> = {};
  // Access goes first, so nobody reaches the data while it is being removed.
  const tokens = await rt.stores.machineTokens.listByWorkspace(w.id);
  counts['tokensRevoked'] = 0;
  for (const t of tokens)
    if (await rt.stores.machineTokens.revoke(t.id, rt.clock.now())) counts['tokensRevoked']++;
  counts['groups'] = await rt.stores.groups.deleteWorkspace(w.id);
  const grants = await rt.stores.roleGrants.listForWorkspace(w.id);
  for (const g of grants) await rt.stores.roleGrants.revoke(g.principalId, g.roleId, w.id);
  counts['grants'] = grants.length;
  counts['groupGrants'] = grants.filter((g) => groupIdOfPrincipal(g.principalId) !== undefined).length;
  const roles = await rt.stores.roles.list(w.id);
  for (const r of roles) await rt.stores.roles.delete(w.id, r.id);
  counts['roles'] = roles.length;
  // Events: every day partition of every data space of the workspace (DROP TABLE on both stores).
  counts['events'] = await deps.events.dropBefore({ workspace: w.id }, END_OF_TIME);
  const spaces = rt.metadata.repository(DATA_SPACE_KIND);
  let dataSpaces = 0;
  for (const s of await spaces.list(w.id, { limit: 1000 })) if (await spaces.delete(w.id, s.id)) dataSpaces++;
  counts['dataSpaces'] = dataSpaces;
  counts['other'] = 0;
  for (const purge of deps.extraPurgers ?? []) counts['other'] += await purge(w.id);
  // The row goes last: a pass that fails half-way leaves the workspace due, and the next pass resumes.
  await rt.stores.workspaces.delete(w.id);
  return counts;
}

/**
 * One pass of the workspace purge: every workspace scheduled for deletion whose grace period has ended
 * (`deleteAfter` ≤ now) loses its access (tokens, grants, groups, roles), its events and data spaces,
 * then its row. Each purge is audited; the audit log itself is kept (append-only, DESIGN §7).
 */
export async function runWorkspacePurge(deps: WorkspacePurgeDeps): Promise<WorkspacePurgeReport> {
  const { rt } = deps;
  const report: WorkspacePurgeReport = { purged: [], failed: [] };
  for (const w of await rt.stores.workspaces.listDueForDeletion(rt.clock.now())) {
    try {
      const counts = await purgeOne(deps, w);
      await rt.audit.record({
        event_type: 'workspace.purged',
        user_id: null,
        resource: `workspace:${w.id}`,
        workspace: w.id,
        client_ip: null,
        client_id: 'workspace-purge-job',
        result: 'success',
        request_id: null,
        details: { deleteAfter: new Date(w.deleteAfter ?? 0).toISOString(), ...counts },
      });
      report.purged.push(w.id);
    } catch (error) {
      report.failed.push(w.id);
      deps.logger.warn(
        { workspaceId: w.id, error: String(error) },
        'workspace purge failed; retried next pass',
      );
    }
  }
  if (report.purged.length > 0 || report.failed.length > 0)
    deps.logger.info({ ...report }, 'workspace purge pass');
  return report;
}

/** Runs a pass now and then every `intervalMs`, one at a time; `stop()` waits for a running pass. */
export function startWorkspacePurgeJob(deps: WorkspacePurgeDeps, intervalMs = 3_600_000): PeriodicJob {
  return startPeriodicJob(() => runWorkspacePurge(deps), {
    intervalMs,
    logger: deps.logger,
    failureMessage: 'workspace purge pass failed',
  });
}
