import type { Clock, EventStore, Logger, MetadataStore } from '@vigil/core';
import { MS_PER_DAY } from '@vigil/core';
import { listAll, readDataSpace } from './data-space.ts';
import { startPeriodicJob, type PeriodicJob } from '../jobs/start-periodic-job.ts';

export interface RetentionJobDeps {
  events: Pick<EventStore, 'dropBefore'>;
  metadata: MetadataStore;
  /** Ids of every workspace (the identity store's list). */
  workspaces: () => Promise<readonly string[]>;
  clock: Clock;
  logger: Logger;
}

export interface RetentionReport {
  dataSpaces: number;
  removed: number;
  failed: number;
}

/**
 * One retention pass: for every data space of every workspace, drops events older than
 * now − retentionDays (whole day partitions, plus the rows of the boundary day before the cut).
 * A failing data space is logged and counted; the others still run.
 */
export async function runRetention(deps: RetentionJobDeps): Promise<RetentionReport> {
  const report: RetentionReport = { dataSpaces: 0, removed: 0, failed: 0 };
  for (const workspace of await deps.workspaces()) {
    for (const record of await listAll(deps.metadata, workspace)) {
      const space = readDataSpace(record);
      const before = deps.clock.now() - space.retentionDays * MS_PER_DAY;
      report.dataSpaces++;
      try {
        const removed = await deps.events.dropBefore({ workspace, dataSpace: space.name }, before);
        report.removed += removed;
        if (removed > 0)
          deps.logger.info({ workspace, dataSpace: space.name, removed, before }, 'retention removed events');
      } catch (error) {
        report.failed++;
        deps.logger.warn(
          { workspace, dataSpace: space.name, error: String(error) },
          'retention failed for a data space',
        );
      }
    }
  }
  return report;
}

/** Runs `runRetention` now and then every `intervalMs`, one pass at a time; `stop()` waits for a running pass. */
export function startRetentionJob(deps: RetentionJobDeps, intervalMs = 3_600_000): PeriodicJob {
  return startPeriodicJob(() => runRetention(deps), {
    intervalMs,
    logger: deps.logger,
    failureMessage: 'retention pass failed',
  });
}
