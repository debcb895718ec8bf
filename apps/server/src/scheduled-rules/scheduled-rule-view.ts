import type { StoredRecord } from '@vigil/core';
import {
  nextDueAt,
  type ScheduledFiring,
  type ScheduledRule,
  type ScheduledRuleState,
  type ScheduledRun,
} from '@vigil/cases';

const iso = (ms: number | null | undefined): string | null =>
  ms === undefined || ms === null ? null : new Date(ms).toISOString();

/** A firing with ISO times. */
export function firingView(f: ScheduledFiring) {
  return { ...f, firstSeenAt: iso(f.firstSeenAt), lastSeenAt: iso(f.lastSeenAt) };
}

/** A rule as the API shows it: the definition, its version, and the scheduler's coverage summary. */
export function scheduledRuleView(r: StoredRecord<ScheduledRule>, state: ScheduledRuleState | undefined) {
  const intervalMs = r.data.intervalSeconds * 1000;
  return {
    id: r.id,
    version: r.version,
    ...r.data,
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
    schedule: {
      coveredUntil: iso(state?.coveredUntil),
      nextRunAt:
        state === undefined || !r.data.enabled
          ? null
          : iso(nextDueAt(state.coveredUntil, intervalMs, r.data.delaySeconds * 1000)),
      lastRun:
        state?.lastRun === undefined
          ? null
          : {
              ...state.lastRun,
              start: iso(state.lastRun.start),
              end: iso(state.lastRun.end),
              finishedAt: iso(state.lastRun.finishedAt),
            },
      gaps: state?.gaps ?? 0,
      lastGap:
        state?.lastGap === undefined
          ? null
          : { ...state.lastGap, start: iso(state.lastGap.start), end: iso(state.lastGap.end) },
    },
  };
}

/** One ledger entry with ISO times. */
export function scheduledRunView(run: ScheduledRun) {
  return {
    ...run,
    start: iso(run.start),
    end: iso(run.end),
    queryFrom: iso(run.queryFrom),
    queryTo: iso(run.queryTo),
    claimedAt: iso(run.claimedAt),
    finishedAt: iso(run.finishedAt),
    firings: run.firings.map(firingView),
  };
}
