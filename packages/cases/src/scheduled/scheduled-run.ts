import type { ScheduledFiring } from './evaluate-run.ts';

export const runStatuses = ['running', 'ok', 'failed', 'gap'] as const;
export type RunStatus = (typeof runStatuses)[number];

/**
 * One entry of a rule's run ledger: the event-time interval `[start, end)` it covers (or, for a gap, the
 * range nobody covered), what the query saw and what it raised. The id `ruleId/start` is the claim:
 * creating it is atomic, so two runners never run the same interval.
 */
export interface ScheduledRun {
  ruleId: string;
  ruleVersion: number;
  start: number;
  end: number;
  /** The query's event-time range (`end − lookback` … `end`). */
  queryFrom: number;
  queryTo: number;
  status: RunStatus;
  /** Ran later than due (catch-up after downtime). */
  late: boolean;
  simulated: boolean;
  attempts: number;
  /** Platform time of the latest claim, and who made it (server/worker instance). */
  claimedAt: number;
  claimedBy: string;
  finishedAt?: number;
  /** Events the query returned (up to the run's cap; `truncated` when there were more). */
  hits: number;
  truncated: boolean;
  groups: number;
  firings: ScheduledFiring[];
  suppressed: number;
  /** Alerts created (or folded into by dedup); empty for simulated runs. */
  alertIds: string[];
  error?: string;
}

/** The entries kept per firing list in the ledger. */
export const MAX_LEDGER_FIRINGS = 100;

/** Epoch ms as fixed-width text, so ledger ids sort by time. */
export function runKey(ruleId: string, start: number): string {
  return `${ruleId}/${String(start).padStart(15, '0')}`;
}
