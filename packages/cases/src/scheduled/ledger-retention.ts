import { MS_PER_DAY } from '@vigil/core';
import type { ScheduledRun } from './scheduled-run.ts';

/**
 * How long the run ledger keeps entries: by the end of their interval, with gaps and finally failed
 * runs kept longer so an operator still finds them after the routine history is gone.
 */
export interface LedgerCutoff {
  /** Entries whose interval ended at or before this (epoch ms) are removed. */
  before: number;
  /** Gap and failed entries are removed only when they ended at or before this. */
  gapsBefore: number;
}

/**
 * The cutoff of a retention pass at `now`; gaps never go sooner than routine runs.
 * Example: `ledgerCutoff(now, 30, 90)` keeps 30 days of runs and 90 days of gaps.
 */
export function ledgerCutoff(now: number, retentionDays: number, gapRetentionDays: number): LedgerCutoff {
  return {
    before: now - retentionDays * MS_PER_DAY,
    gapsBefore: now - Math.max(retentionDays, gapRetentionDays) * MS_PER_DAY,
  };
}

/** True when the entry is past its retention (`undefined` cutoff: the whole ledger goes). */
export function ledgerEntryExpired(run: ScheduledRun, cutoff: LedgerCutoff | undefined): boolean {
  if (cutoff === undefined) return true;
  const gapLike = run.status === 'gap' || run.status === 'failed';
  return run.end <= (gapLike ? cutoff.gapsBefore : cutoff.before);
}

/**
 * Entries are listed by start; none starting at or after this can be expired, so a scan stops there.
 */
export function ledgerScanEnd(cutoff: LedgerCutoff | undefined): number {
  return cutoff === undefined ? Number.POSITIVE_INFINITY : Math.max(cutoff.before, cutoff.gapsBefore);
}
