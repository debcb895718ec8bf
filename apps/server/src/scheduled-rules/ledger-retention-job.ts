import type { Clock, Logger } from '@vigil/core';
import { ledgerCutoff, type ScheduledRuleStore } from '@vigil/cases';
import { startPeriodicJob, type PeriodicJob } from '../jobs/start-periodic-job.ts';

export interface LedgerRetentionDeps {
  store: ScheduledRuleStore;
  /** Ids of every workspace (the identity store's list). */
  workspaces: () => Promise<readonly string[]>;
  clock: Clock;
  logger: Logger;
  /** scheduledRules.ledgerRetentionDays / gapRetentionDays. */
  retentionDays: number;
  gapRetentionDays: number;
}

export interface LedgerRetentionReport {
  /** Rules whose ledger was looked at (existing and deleted). */
  rules: number;
  /** Entries removed, all causes. */
  removed: number;
  /** Deleted rules whose whole history was removed. */
  deletedRules: number;
  failed: number;
}

const PAGE = 200;

/**
 * One pass over the scheduled-rule run ledger of every workspace: entries past their retention go
 * (gaps and failures later than routine runs), and the whole history of a rule that no longer exists —
 * deleting a rule leaves its history to this pass, so the delete request stays short however long the
 * history is. A failing rule is logged and counted; the others still run.
 */
export async function runLedgerRetention(deps: LedgerRetentionDeps): Promise<LedgerRetentionReport> {
  const report: LedgerRetentionReport = { rules: 0, removed: 0, deletedRules: 0, failed: 0 };
  const cutoff = ledgerCutoff(deps.clock.now(), deps.retentionDays, deps.gapRetentionDays);
  for (const workspace of await deps.workspaces()) {
    let after: string | undefined;
    for (;;) {
      const ids = await deps.store.listLedgerRuleIds(workspace, {
        limit: PAGE,
        ...(after === undefined ? {} : { after }),
      });
      for (const ruleId of ids) {
        report.rules++;
        try {
          const exists = (await deps.store.getRule(workspace, ruleId)) !== undefined;
          const removed = await deps.store.deleteRuns(workspace, ruleId, exists ? cutoff : undefined);
          report.removed += removed;
          if (!exists) report.deletedRules++;
          if (removed > 0) {
            deps.logger.info(
              { workspace, rule: ruleId, removed, ruleDeleted: !exists },
              'scheduled rule history pruned',
            );
          }
        } catch (error) {
          report.failed++;
          deps.logger.warn(
            { workspace, rule: ruleId, error: String(error) },
            'scheduled rule history retention failed',
          );
        }
      }
      if (ids.length < PAGE) break;
      after = ids.at(-1);
    }
  }
  return report;
}

/** Runs `runLedgerRetention` now and then every `intervalMs`, one pass at a time; `stop()` waits for it. */
export function startLedgerRetentionJob(deps: LedgerRetentionDeps, intervalMs = 3_600_000): PeriodicJob {
  return startPeriodicJob(() => runLedgerRetention(deps), {
    intervalMs,
    logger: deps.logger,
    failureMessage: 'scheduled rule history retention pass failed',
  });
}
