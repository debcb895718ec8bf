import type { RunStatus } from './scheduled-run.ts';
import type { SuppressionState } from './scheduled-suppression.ts';

/**
 * The scheduler's own state of a rule, kept apart from the definition so runs never conflict with an
 * analyst's edit: how far event time is covered, suppression windows, and a summary for listings.
 */
export interface ScheduledRuleState {
  coveredUntil: number;
  suppression: SuppressionState;
  lastRun?: { start: number; end: number; status: RunStatus; finishedAt: number; alerts: number };
  /** Gaps and finally failed intervals so far (the console warns while it is above 0). */
  gaps: number;
  lastGap?: { start: number; end: number; reason: string };
}
