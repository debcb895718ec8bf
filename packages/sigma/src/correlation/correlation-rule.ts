/** The correlation types of Sigma specification v2.1 (plus the metric types pySigma implements). */
export const correlationTypes = [
  'event_count',
  'value_count',
  'temporal',
  'temporal_ordered',
  'value_sum',
  'value_avg',
  'value_percentile',
] as const;

export type CorrelationType = (typeof correlationTypes)[number];

export const conditionOperators = ['gt', 'gte', 'lt', 'lte', 'eq', 'neq'] as const;

export type ConditionOperator = (typeof conditionOperators)[number];

/**
 * A correlation condition: every operator present must hold (several keys form a range,
 * e.g. `{gt: 100, lte: 200}` is "101 to 200").
 */
export interface CorrelationCondition {
  ops: Partial<Record<ConditionOperator, number>>;
  /** Fields of value_* types; value_count may name several (distinct tuples are counted). */
  fields: string[];
  /** value_percentile only: which percentile (0–100) of `fields[0]` is compared. */
  percentile?: number;
}

/** A validated Sigma correlation rule, ready for the engine. */
export interface CorrelationRule {
  /** `id`, else `name`, else `title` (the spec makes `id` optional). */
  id: string;
  name?: string;
  title: string;
  level?: string;
  status?: string;
  description?: string;
  tags: string[];
  type: CorrelationType;
  /** Referenced rules (base rules or other correlations) by id or name, in the listed order. */
  rules: string[];
  generate: boolean;
  /** Group-by fields or alias names; empty means one group for all matches. */
  groupBy: string[];
  timespan: string;
  timespanMs: number;
  condition: CorrelationCondition;
  /** alias name → (referenced rule id or name → field name in that rule's events). */
  aliases: Record<string, Record<string, string>>;
  /** Where the rule came from (file, document), for problems found after parsing. */
  where: string;
}

/** One single-event rule match fed to the engine. */
export interface CorrelationMatch {
  /** The base rule's id. */
  ruleId: string;
  /** The base rule's `name`, if it has one: correlations may reference rules by name. */
  ruleName?: string | undefined;
  /** 0-based index of the event in input order. */
  eventIndex: number;
  /** Event time, epoch ms. */
  time: number;
  event: unknown;
}

/** A correlation rule that fired. */
export interface CorrelationHit {
  ruleId: string;
  ruleTitle: string;
  level: string;
  type: CorrelationType;
  /** Group-by field (or alias) → value shared by the correlated events. */
  group: Record<string, unknown>;
  /** Input indexes of every event that took part, ascending, without duplicates. */
  eventIndexes: number[];
  /** Event time of the latest event in the window, epoch ms. */
  time: number;
}
