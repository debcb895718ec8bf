import type { Severity } from '../alerts/severity.ts';

export const triggerKinds = ['count', 'aggregate'] as const;
export type TriggerKind = (typeof triggerKinds)[number];

export const triggerFunctions = ['count', 'sum', 'avg', 'min', 'max', 'dc'] as const;
export type TriggerFunction = (typeof triggerFunctions)[number];

export const triggerOperators = ['gt', 'gte', 'lt', 'lte', 'eq'] as const;
export type TriggerOperator = (typeof triggerOperators)[number];

export const alertGroupings = ['per-run', 'per-group'] as const;
export type AlertGrouping = (typeof alertGroupings)[number];

/**
 * When a run fires: `count` compares the number of matching events per group, `aggregate` compares
 * `fn(field)` per group (`count` needs no field). Groups are the distinct values of `groupBy`
 * (one group for the whole run when empty).
 */
export interface ScheduledTrigger {
  kind: TriggerKind;
  fn: TriggerFunction;
  field?: string;
  operator: TriggerOperator;
  threshold: number;
  groupBy: string[];
}

/**
 * A scheduled query rule ("alert model"): every `intervalSeconds` it covers the next event-time interval
 * ending at least `delaySeconds` ago, queries `[end − lookbackSeconds, end)` and fires on the trigger.
 */
export interface ScheduledRule {
  name: string;
  description: string;
  /** Query-language text returning events (no stats/timechart/head: the trigger aggregates). */
  query: string;
  /** Limit to these data spaces; all of the workspace's when empty. */
  dataSpaces: string[];
  intervalSeconds: number;
  lookbackSeconds: number;
  /** Waits this long after an interval ends before covering it, so late-arriving events are in. */
  delaySeconds: number;
  trigger: ScheduledTrigger;
  severity: Severity;
  grouping: AlertGrouping;
  /** Same rule + group fired within this many seconds (event time): counted, no new alert. 0 = off. */
  suppressionSeconds: number;
  enabled: boolean;
  /** Runs and records what it would have alerted, without alerting. */
  simulation: boolean;
  tags: string[];
}

/** Limits of a scheduled rule's numbers, shared by validation, docs and the console. */
export const SCHEDULED_LIMITS = {
  minIntervalSeconds: 60,
  maxIntervalSeconds: 7 * 86_400,
  maxLookbackSeconds: 30 * 86_400,
  maxDelaySeconds: 86_400,
  maxSuppressionSeconds: 30 * 86_400,
  maxGroupBy: 10,
  maxTags: 50,
} as const;
